#pragma once

#include <QString>

namespace mm {

// Untrusted text (ids, names, server messages) is shown literally and never
// trusted for length. QLabel and QToolTip guess "rich text" from content
// (Qt::mightBeRichText), so these helpers make the guess irrelevant.

// At most `maxChars` characters, cut with an ellipsis; control characters
// (newlines included) become spaces so one line stays one line.
QString boundedForDisplay(const QString &text, int maxChars);

// A tooltip that shows `text` literally: bounded to `maxChars`, escaped and
// wrapped in <qt>, so the tooltip is rich text whose content is only plain
// characters; newlines are kept as line breaks. Empty stays empty.
QString plainTextToolTip(const QString &text, int maxChars = 1000);

} // namespace mm
