#include "models/api/cookiejar.h"

#include "models/logging.h"

#include <QDateTime>
#include <QNetworkCookie>

namespace WhaTrack {

bool CookieJar::setCookiesFromUrl(const QList<QNetworkCookie>& cookies, const QUrl& url)
{
    const bool changed = QNetworkCookieJar::setCookiesFromUrl(cookies, url);
    // Deleting a cookie (expiry in the past) returns false but is a change worth persisting.
    bool deletion = false;
    for (const auto& c : cookies) {
        if (!c.isSessionCookie() && c.expirationDate() < QDateTime::currentDateTimeUtc())
            deletion = true;
    }
    if (changed || deletion) {
        qCDebug(lcAuth) << "cookies changed for" << url.host(); // names/values never logged
        Q_EMIT cookiesChanged();
    }
    return changed;
}

QByteArray CookieJar::serialize() const
{
    QByteArray out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto& c : allCookies()) {
        if (!c.isSessionCookie() && c.expirationDate() < now)
            continue;
        if (!out.isEmpty())
            out += '\n';
        out += c.toRawForm(QNetworkCookie::Full);
    }
    return out;
}

int CookieJar::restore(const QByteArray& data)
{
    QList<QNetworkCookie> cookies;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QByteArray& line : data.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        for (const auto& c : QNetworkCookie::parseCookies(line)) {
            if (c.isSessionCookie() || c.expirationDate() > now)
                cookies.append(c);
        }
    }
    setAllCookies(cookies);
    return cookies.size();
}

void CookieJar::clear()
{
    setAllCookies({});
}

bool CookieJar::isEmpty() const
{
    return allCookies().isEmpty();
}

} // namespace WhaTrack
