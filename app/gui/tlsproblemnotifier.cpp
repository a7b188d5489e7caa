#include "app/gui/tlsproblemnotifier.h"

#include "ui/logging.h"
#include "ui/plaintext.h"

#include <QMessageBox>

namespace WhaTrack::Gui {

TlsProblemNotifier::TlsProblemNotifier(QWidget* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{
}

bool TlsProblemNotifier::isTlsFailure(const Centrifuge::Error& error)
{
    return error.category == Centrifuge::ErrorCategory::Tls;
}

bool TlsProblemNotifier::report(const QString& where, const QStringList& errors, bool signedIn)
{
    const QString key = where + errors.join(QLatin1Char('|'));
    qCWarning(lcUi) << "TLS problem on" << where << errors;
    if (m_shown.contains(key) || !signedIn)
        return false;
    m_shown.insert(key);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Secure connection failed"),
        tr("The secure connection to %1 failed and was not used:\n\n%2\n\nThe app never ignores "
           "certificate errors. If your company uses its own certificate authority, start the "
           "app with --ca-cert FILE.")
            .arg(where, errors.join(QLatin1Char('\n'))),
        QMessageBox::Ok, m_window);
    Ui::makePlainText(box); // the errors name the server's certificate: its text, not markup
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return true;
}

} // namespace WhaTrack::Gui
