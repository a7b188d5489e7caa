#include "ui/keychainnotice.h"

#include "models/api/session.h"
#include "ui/logging.h"
#include "ui/uistyle.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QToolBar>

namespace WhaTrack::Ui {

KeychainNotice::KeychainNotice(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("keychainNotice"));
    // The keychain's reason comes from the OS: shown as text, never interpreted.
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismiss->setObjectName(QStringLiteral("keychainNoticeDismiss"));
    m_dismiss->setToolTip(tr("Hide this notice. You stay signed in until you quit."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_dismiss);
    connect(m_dismiss, &QPushButton::clicked, this, &KeychainNotice::dismiss);
}

KeychainNotice* KeychainNotice::install(QMainWindow* window, Session* session)
{
    auto* bar = new QToolBar(window);
    bar->setObjectName(QStringLiteral("keychainNoticeBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->toggleViewAction()->setVisible(false); // not a toolbar the agent toggles
    auto* notice = new KeychainNotice(bar);
    notice->m_bar = bar;
    bar->addWidget(notice); // the bar is what shows and hides, never the notice itself
    bar->hide();
    window->addToolBar(Qt::TopToolBarArea, bar);
    connect(session, &Session::secretStoreProblem, notice, &KeychainNotice::showProblem);
    connect(session, &Session::secretStoreRecovered, notice, [notice] {
        if (notice->isShown()) {
            qCInfo(lcUi) << "keychain notice hidden: the keychain works again";
            notice->dismiss();
        }
    });
    if (!session->secretStoreProblemText().isEmpty())
        notice->showProblem(session->secretStoreProblemText());
    return notice;
}

QSize KeychainNotice::sizeHint() const
{
    // A toolbar asks for a size hint only; a word-wrapped label's own hint is narrow and tall.
    // Ask for the window's width and the height the text needs at that width.
    const QWidget* window = m_bar ? m_bar->parentWidget() : nullptr;
    const int width = window ? std::max(320, window->width() - 16) : 800;
    const int height = layout()->hasHeightForWidth() ? layout()->heightForWidth(width)
                                                     : QWidget::sizeHint().height();
    return {width, height};
}

void KeychainNotice::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (layout()->hasHeightForWidth() && layout()->heightForWidth(width()) != height())
        updateGeometry(); // the window was resized: the text wraps differently
}

QString KeychainNotice::text() const
{
    return m_label->text();
}

bool KeychainNotice::isShown() const
{
    return m_bar && !m_bar->isHidden();
}

void KeychainNotice::showProblem(const QString& message)
{
    m_label->setText(message);
    qCInfo(lcUi) << "keychain notice shown";
    if (m_bar)
        m_bar->show();
}

void KeychainNotice::dismiss()
{
    if (m_bar)
        m_bar->hide();
    Q_EMIT dismissed();
}

void KeychainNotice::paintEvent(QPaintEvent*)
{
    // Amber like the stale banner: the app works, but something needs the agent's attention.
    QPainter p(this);
    const bool dark = isDarkPalette(palette());
    const QColor amber = dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xf5, 0x9e, 0x0b);
    p.fillRect(rect(), mix(palette().color(QPalette::Window), amber, dark ? 0.22 : 0.18));
}

} // namespace WhaTrack::Ui
