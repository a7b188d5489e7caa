#pragma once

//! \file olderpagesproxymodel.h
//! \brief Hides fetchMore() from the view so older pages load only when scrolled to the top.
//!
//! QAbstractItemView calls fetchMore() whenever its *last* row is visible, which in a chat
//! (newest at the bottom, older pages prepended) is always: it would page through the whole
//! history on open. The conversation view calls fetchOlder() itself near the top instead.

#include <QIdentityProxyModel>

namespace WhaTrack::Ui {

class OlderPagesProxyModel : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;

    bool canFetchMore(const QModelIndex&) const override { return false; }
    void fetchMore(const QModelIndex&) override { }

    //! True if the source has older pages to load.
    bool canFetchOlder() const { return sourceModel() && sourceModel()->canFetchMore({}); }
    void fetchOlder()
    {
        if (canFetchOlder())
            sourceModel()->fetchMore({});
    }
};

} // namespace WhaTrack::Ui
