#include "qualitydelegate.h"

#include "model/modelroles.h"
#include "treeitemdelegate.h"

#include <QHelpEvent>

namespace mm {

QualityDelegate::QualityDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    for (Quality q : {Quality::Unknown, Quality::Excellent, Quality::Good, Quality::Fair,
                      Quality::Poor})
        m_icons[size_t(q)] = QIcon(iconPath(q));
}

QString QualityDelegate::levelText(Quality quality)
{
    switch (quality) {
    case Quality::Excellent: return tr("Excellent");
    case Quality::Good: return tr("Good");
    case Quality::Fair: return tr("Fair");
    case Quality::Poor: return tr("Poor");
    case Quality::Unknown: break;
    }
    return tr("Unknown");
}

QString QualityDelegate::iconPath(Quality quality)
{
    switch (quality) {
    case Quality::Excellent: return QStringLiteral(":/icons/quality-excellent.svg");
    case Quality::Good: return QStringLiteral(":/icons/quality-good.svg");
    case Quality::Fair: return QStringLiteral(":/icons/quality-fair.svg");
    case Quality::Poor: return QStringLiteral(":/icons/quality-poor.svg");
    case Quality::Unknown: break;
    }
    return QStringLiteral(":/icons/quality-unknown.svg");
}

QIcon QualityDelegate::icon(Quality quality) const
{
    const size_t i = size_t(quality);
    return i < m_icons.size() ? m_icons[i] : m_icons[size_t(Quality::Unknown)];
}

Quality QualityDelegate::qualityOf(const QModelIndex &index)
{
    bool ok = false;
    const int raw = index.data(QualityRole).toInt(&ok);
    if (!ok || raw < int(Quality::Unknown) || raw > int(Quality::Poor))
        return Quality::Unknown;
    return Quality(raw);
}

QString QualityDelegate::cellText(const QModelIndex &index) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    // A user row always says its level in words; a meeting without a score
    // keeps the model's own "no value" text.
    if (text.isEmpty())
        return levelText(qualityOf(index));
    return text;
}

QIcon QualityDelegate::cellIcon(const QModelIndex &index) const
{
    return icon(qualityOf(index));
}

bool QualityDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && view && index.isValid() && event->type() == QEvent::ToolTip)
        return showPlainTextToolTip(event, view, index);
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

void QualityDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = cellText(index);
    option->icon = cellIcon(index);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int side = qMax(16, option->fontMetrics.height());
    option->decorationSize = QSize(side, side);
    // The words sit right next to their icon, whatever the model's alignment.
    option->displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    styleInactiveRow(option, index);
}

} // namespace mm
