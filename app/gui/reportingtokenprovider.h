#pragma once

//! \file reportingtokenprovider.h
//! \brief Wraps the backend token provider to tell the connection monitor how each fetch went
//! (ok, 429, 401...) and when the token expires, for the Connection details dialog.
//!
//! Adapter: delete it if BackendTokenProvider grows a result signal (see the report).

#include "realtime/tokenprovider.h"

#include <QPointer>

#include <memory>

namespace WhaTrack::Ui {
class ConnectionMonitor;
}

namespace WhaTrack::Gui {

class ReportingTokenProvider final : public Centrifuge::TokenProvider
{
public:
    ReportingTokenProvider(
        std::shared_ptr<Centrifuge::TokenProvider> inner, Ui::ConnectionMonitor* monitor);
    void fetchToken(const Centrifuge::TokenRequest& request, Callback done) override;

private:
    std::shared_ptr<Centrifuge::TokenProvider> m_inner;
    QPointer<Ui::ConnectionMonitor> m_monitor;
};

} // namespace WhaTrack::Gui
