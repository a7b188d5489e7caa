#pragma once

//! \file messageglyphs.h
//! \brief Vector glyphs for message rows: delivery ticks and media type icons.
//!
//! Drawn with paths rather than font glyphs (✓, ⚠, emoji) so they look the same on every
//! platform and font, scale with the DPI, and take their colours from the palette.

#include "models/api/apitypes.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>

class QPainter;
class QPalette;

namespace WhaTrack::Ui {

enum class MediaKind { None, Image, Video, Audio, Document, Sticker, Location, Contact, Other };

class MessageGlyphs
{
    Q_DECLARE_TR_FUNCTIONS(MessageGlyphs)

public:
    //! The media kind of a message `type` (Meta Cloud API names); None for text-like types.
    static MediaKind mediaKind(const QString& type);
    //! The media kind a backend placeholder body names ("Áudio" -> Audio), for messages whose
    //! type is unknown (built from a publication, which carries no type).
    static MediaKind mediaKindFromPlaceholder(const QString& body);
    //! mediaKind(type), falling back to the placeholder body when the type is unknown.
    static MediaKind mediaKindOf(const QString& type, const QString& body);
    //! "Photo", "Voice message", "Document"... for the placeholder and the list preview.
    static QString mediaLabel(MediaKind kind);
    //! True if \a body is only the backend's placeholder for the media ("Imagem", "Áudio"...),
    //! i.e. there is no real caption to show.
    static bool isPlaceholderBody(const QString& body);

    //! Width the status glyph needs at \a height (0 for statuses that show nothing).
    static qreal statusWidth(MessageStatus status, qreal height);
    //! Ticks ✓ / ✓✓ / blue ✓✓, a clock for pending, a warning sign for failed.
    //! \a muted is the colour of grey ticks (the bubble's secondary text colour).
    //! \a monochrome paints the ticks in \a muted (on a selection highlight, where the blue of
    //! "read" would vanish); a failure stays red.
    static void paintStatus(QPainter* painter, const QRectF& rect, MessageStatus status,
        const QColor& muted, bool dark, bool monochrome = false);
    //! The blue of "read" ticks, readable on light and dark bubbles.
    static QColor readColor(bool dark);
    static QColor failedColor(bool dark);

    //! A simple outline icon for \a kind inside \a rect.
    static void paintMediaIcon(
        QPainter* painter, const QRectF& rect, MediaKind kind, const QColor& color);
};

} // namespace WhaTrack::Ui
