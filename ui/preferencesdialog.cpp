#include "ui/preferencesdialog.h"

#include "ui/plaintext.h"
#include "ui/uistyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

namespace {
QLineEdit* field(QWidget* parent, const char* name, const QString& placeholder)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}
} // namespace

PreferencesDialog::PreferencesDialog(const Preferences& prefs, QWidget* parent)
    : QDialog(parent)
    , m_backend(field(this, "backendUrl", QStringLiteral("https://app.whatrack.com")))
    , m_webSocket(field(this, "webSocketUrl", tr("Same server (/connection/websocket)")))
    , m_messages(field(this, "messagesChannel", QStringLiteral("org:{org}:messages")))
    , m_tickets(field(this, "ticketsChannel", QStringLiteral("org:{org}:tickets")))
    , m_caFile(field(this, "caCertFile", tr("System certificates only")))
    , m_language(new QComboBox(this))
    , m_notifications(new QCheckBox(tr("Show a notification for new customer messages"), this))
    , m_sound(new QCheckBox(tr("Play a sound with each notification"), this))
    , m_doNotDisturb(new QCheckBox(tr("Do not disturb (hold notifications and sounds)"), this))
    , m_startAtLogin(new QCheckBox(tr("Start WhaTrack Inbox when I log in"), this))
    , m_closeToTray(new QCheckBox(tr("Keep running in the tray when the window is closed"), this))
    , m_problem(plainLabel(this)) // may quote a template the agent typed
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(480);

    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    // Each language in its own name, so it can be found whatever the current one is.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Português (Brasil)"), QStringLiteral("pt_BR"));
    m_notifications->setObjectName(QStringLiteral("notifications"));
    m_sound->setObjectName(QStringLiteral("sound"));
    m_doNotDisturb->setObjectName(QStringLiteral("doNotDisturb"));
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));

    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate (PEM)"),
            m_caFile->text(), tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(QDir::toNativeSeparators(file));
    });
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);

    auto* server = new QGroupBox(tr("Server"), this);
    auto* serverForm = new QFormLayout(server);
    serverForm->addRow(tr("WhaTrack address"), m_backend);
    serverForm->addRow(tr("Live updates address"), m_webSocket);
    serverForm->addRow(tr("Messages channel"), m_messages);
    serverForm->addRow(tr("Tickets channel"), m_tickets);
    serverForm->addRow(tr("Extra CA certificate"), caRow);
    auto* hint = new QLabel(
        tr("Changing the server signs you in to that server and reconnects live updates."), server);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    serverForm->addRow(hint);

    auto* general = new QGroupBox(tr("General"), this);
    auto* generalForm = new QFormLayout(general);
    generalForm->addRow(tr("Language"), m_language);
    // The windows are built once in their language: a new one applies at the next start.
    auto* languageHint
        = new QLabel(tr("A new language applies the next time the app starts."), general);
    languageHint->setObjectName(QStringLiteral("languageHint"));
    languageHint->setWordWrap(true);
    languageHint->setForegroundRole(QPalette::PlaceholderText);
    generalForm->addRow(QString(), languageHint);
    generalForm->addRow(m_notifications);
    generalForm->addRow(m_sound);
    generalForm->addRow(m_doNotDisturb);
    generalForm->addRow(m_startAtLogin);
    generalForm->addRow(m_closeToTray);

    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText,
        isDarkPalette(pal) ? QColor(0xef, 0x70, 0x70) : QColor(0xc6, 0x28, 0x28));
    m_problem->setPalette(pal);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(server);
    layout->addWidget(general);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_notifications, &QCheckBox::toggled, m_sound, &QWidget::setEnabled);

    setPreferences(prefs);
}

void PreferencesDialog::setPreferences(const Preferences& p)
{
    // Never show a user name or password that an old setting may still carry.
    m_backend->setText(p.backendUrl.toDisplayString(QUrl::RemoveUserInfo));
    m_webSocket->setText(p.webSocketUrl.toDisplayString(QUrl::RemoveUserInfo));
    m_messages->setText(p.messagesChannel);
    m_tickets->setText(p.ticketsChannel);
    m_caFile->setText(QDir::toNativeSeparators(p.caCertFile));
    const int lang = m_language->findData(p.language);
    m_language->setCurrentIndex(lang < 0 ? 0 : lang);
    m_notifications->setChecked(p.notifications);
    m_sound->setChecked(p.sound);
    m_sound->setEnabled(p.notifications);
    m_doNotDisturb->setChecked(p.doNotDisturb);
    m_startAtLogin->setChecked(p.startAtLogin);
    m_closeToTray->setChecked(p.closeToTray);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.backendUrl = QUrl(m_backend->text().trimmed());
    p.webSocketUrl = QUrl(m_webSocket->text().trimmed());
    p.messagesChannel = m_messages->text().trimmed();
    p.ticketsChannel = m_tickets->text().trimmed();
    p.caCertFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    p.language = m_language->currentData().toString();
    p.notifications = m_notifications->isChecked();
    p.sound = m_sound->isChecked();
    p.doNotDisturb = m_doNotDisturb->isChecked();
    p.startAtLogin = m_startAtLogin->isChecked();
    p.closeToTray = m_closeToTray->isChecked();
    return p;
}

QString PreferencesDialog::problem() const
{
    return m_problem->text();
}

void PreferencesDialog::accept()
{
    const QString problem = validatePreferences(preferences());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    QDialog::accept();
}

} // namespace WhaTrack::Ui
