#pragma once

#include <QDialog>
#include <QLocale>
#include <QUrl>

class QLabel;
class QTextBrowser;

// The user guide (docs/user-guide.md, embedded with its pictures), for students and teachers, and
// a way to the full docs folder when this build has one.
class HelpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpDialog)

public:
    explicit HelpDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

    // The docs folder of this build ("" when there is none), and opening it: false (and said in
    // the dialog) when no file manager took it.
    static QString docsFolder();
    bool openDocsFolder();

    static constexpr auto guideUrl = "qrc:/docs/user-guide.md";
    // The guide in the language of the window (QLocale's default, set by View › Language):
    // "qrc:/docs/user-guide.fr.md" when there is one, else the English guideUrl.
    static QUrl guideUrlFor(const QLocale &locale);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitImages();

    QTextBrowser *m_browser;
    QLabel *m_status;
};
