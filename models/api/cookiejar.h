#pragma once

//! \file cookiejar.h
//! \brief The in-memory cookie jar of the API client; reports changes so Session can persist
//! the session cookie to the SecretStore. Serialisation is for the SecretStore only.

#include <QNetworkCookieJar>

namespace WhaTrack {

class CookieJar : public QNetworkCookieJar
{
    Q_OBJECT

public:
    using QNetworkCookieJar::QNetworkCookieJar;

    bool setCookiesFromUrl(const QList<QNetworkCookie>& cookies, const QUrl& url) override;

    //! Every non-expired cookie, as raw `Set-Cookie` lines joined by '\n'.
    QByteArray serialize() const;
    //! Replaces the content with what serialize() produced; returns the number of cookies kept.
    int restore(const QByteArray& data);
    void clear();
    bool isEmpty() const;

Q_SIGNALS:
    //! A response set, renewed or deleted a cookie.
    void cookiesChanged();
};

} // namespace WhaTrack
