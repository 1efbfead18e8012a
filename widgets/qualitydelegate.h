#pragma once

#include "core/quality.h"

#include <QIcon>
#include <QStyledItemDelegate>
#include <array>

namespace mm {

// Draws the quality column: an icon whose SHAPE differs per level (check,
// bars, triangle, octagon, question mark) next to the level's name, so the
// level never rests on colour alone. Meeting rows get the icon of their
// score's level next to the score text.
class QualityDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit QualityDelegate(QObject *parent = nullptr);

    static QString levelText(Quality quality);
    static QString iconPath(Quality quality);
    QIcon icon(Quality quality) const;

    // What the cell shows, as painted.
    QString cellText(const QModelIndex &index) const;
    QIcon cellIcon(const QModelIndex &index) const;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view,
                   const QStyleOptionViewItem &option, const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    static Quality qualityOf(const QModelIndex &index);

    std::array<QIcon, 5> m_icons; // indexed by int(Quality)
};

} // namespace mm
