#pragma once

// The room the presentation tests are about: a 1280×720 projector. The offscreen platform's
// screen is 800×600 unless a configuration file says otherwise; this main() writes one (in a
// temporary folder that lives as long as the test) before the QApplication is made.
//   POP3LAB_PROJECTOR_TEST_MAIN(TestPresentationMode)

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace pop3test {

// Points QT_QPA_PLATFORM=offscreen at a 1280×720 screen (other platforms are left alone).
inline void useProjectorScreen(const QTemporaryDir &dir)
{
    if (qgetenv("QT_QPA_PLATFORM") != "offscreen" || !dir.isValid())
        return;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1280,
        "height": 720, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(config));
}

} // namespace pop3test

#define POP3LAB_PROJECTOR_TEST_MAIN(TestClass)                                                     \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QTemporaryDir projectorDir;                                                                \
        pop3test::useProjectorScreen(projectorDir);                                                \
        QApplication app(argc, argv);                                                              \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
