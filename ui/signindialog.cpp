#include "ui/signindialog.h"

#include "ui/plaintext.h"
#include "ui/uistyle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

SignInDialog::SignInDialog(QWidget* parent)
    : QDialog(parent)
    , m_backend(plainLabel(this))
    , m_message(plainLabel(this)) // shows the server's error text
    , m_email(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to WhaTrack"));
    setMinimumWidth(380);

    auto* title = new QLabel(tr("Sign in to WhaTrack"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setWeight(QFont::DemiBold);
    title->setFont(f);
    m_backend->setForegroundRole(QPalette::PlaceholderText);
    m_message->setWordWrap(true);
    m_message->hide();

    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("you@company.com"));
    m_email->setAccessibleName(tr("Email"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));

    auto* form = new QFormLayout;
    form->addRow(tr("Email"), m_email);
    form->addRow(tr("Password"), m_password);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(m_backend);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_email, &QLineEdit::textChanged, this, &SignInDialog::updateButton);
    connect(m_password, &QLineEdit::textChanged, this, &SignInDialog::updateButton);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Desktop: a wrong server is fixed here, in the Preferences, without command-line flags.
    auto* serverSettings
        = m_buttons->addButton(tr("Server settings…"), QDialogButtonBox::ActionRole);
    serverSettings->setObjectName(QStringLiteral("serverSettings"));
    serverSettings->setAutoDefault(false);
    connect(serverSettings, &QPushButton::clicked, this, &SignInDialog::preferencesRequested);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_busy)
            Q_EMIT submitted(email(), password());
    });
    updateButton();
}

void SignInDialog::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Cancel)) {
        done(Dismissed);
        return;
    }
    QDialog::keyPressEvent(event);
}

void SignInDialog::setBackend(const QString& host)
{
    m_backend->setText(tr("Server: %1").arg(host));
}

void SignInDialog::setEmail(const QString& email)
{
    m_email->setText(email);
    (email.isEmpty() ? m_email : m_password)->setFocus();
}

QString SignInDialog::email() const
{
    return m_email->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

void SignInDialog::clearPassword()
{
    m_password->clear();
}

void SignInDialog::setMessage(const QString& message, bool error)
{
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText,
            isDarkPalette(pal) ? QColor(0xef, 0x70, 0x70) : QColor(0xc6, 0x28, 0x28));
    m_message->setPalette(pal);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
    if (busy)
        setMessage(tr("Signing in…"));
    updateButton();
}

void SignInDialog::updateButton()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !email().isEmpty() && !password().isEmpty());
}

} // namespace WhaTrack::Ui
