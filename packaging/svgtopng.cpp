// Build-time helper: renders the application's SVG icon to the PNG sizes of
// the hicolor theme. It reads the SVG through QImageReader, i.e. through Qt's
// own SVG image plugin (Debian: libqt6svg6, already a run-time dependency),
// so the build needs neither Qt6Svg's development files nor rsvg-convert, and
// the PNGs look exactly like the icon the application draws itself.
//
// Usage: mm-svgtopng INPUT.svg SIZE OUTPUT.png
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>
#include <QString>
#include <cstdio>

namespace {

constexpr int MinSize = 8;
constexpr int MaxSize = 1024;

int fail(const QString &message)
{
    std::fprintf(stderr, "mm-svgtopng: %s\n", qUtf8Printable(message));
    return 1;
}

// A render that came out fully transparent means the plugin drew nothing
// (e.g. an SVG feature it does not support): better a failed build than a
// package with invisible icons.
bool hasVisiblePixels(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(line[x]) != 0)
                return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    // A core application is enough: the image plugins load without a display.
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4)
        return fail(QStringLiteral("usage: mm-svgtopng INPUT.svg SIZE OUTPUT.png"));

    const QString input = args.at(1);
    bool ok = false;
    const int size = args.at(2).toInt(&ok);
    if (!ok || size < MinSize || size > MaxSize)
        return fail(QStringLiteral("SIZE must be a whole number from %1 to %2, not '%3'")
                        .arg(MinSize)
                        .arg(MaxSize)
                        .arg(args.at(2)));
    const QString output = args.at(3);

    if (!QImageReader::supportedImageFormats().contains("svg"))
        return fail(QStringLiteral("Qt has no SVG image plugin here; install libqt6svg6"));

    QImageReader reader(input, "svg");
    // hicolor's sizes are square; a non-square drawing would be distorted.
    const QSize natural = reader.size();
    if (natural.isValid() && natural.width() != natural.height())
        return fail(QStringLiteral("%1 is %2x%3, not square")
                        .arg(input)
                        .arg(natural.width())
                        .arg(natural.height()));
    // Scaling in the reader renders the vector drawing at the target size
    // instead of scaling a bitmap, so even 16 px stays crisp.
    reader.setScaledSize(QSize(size, size));
    QImage image = reader.read();
    if (image.isNull())
        return fail(QStringLiteral("cannot render %1: %2").arg(input, reader.errorString()));
    image = image.convertToFormat(QImage::Format_ARGB32);
    if (image.size() != QSize(size, size))
        return fail(QStringLiteral("%1 rendered at %2x%3 instead of %4x%4")
                        .arg(input)
                        .arg(image.width())
                        .arg(image.height())
                        .arg(size));
    if (!hasVisiblePixels(image))
        return fail(QStringLiteral("%1 rendered fully transparent at %2 px").arg(input).arg(size));

    if (!QDir().mkpath(QFileInfo(output).absolutePath()))
        return fail(QStringLiteral("cannot create the folder of %1").arg(output));
    // QSaveFile: an interrupted build never leaves a truncated PNG behind
    // that a later build would take as up to date.
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(output, file.errorString()));
    QImageWriter writer(&file, "png");
    if (!writer.write(image))
        return fail(QStringLiteral("cannot encode %1: %2").arg(output, writer.errorString()));
    if (!file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(output, file.errorString()));
    return 0;
}
