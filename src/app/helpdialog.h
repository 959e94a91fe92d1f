#pragma once

#include <QDialog>

class QTextBrowser;

// The README's usage, rendered (Markdown), with a way to the full docs folder when it is there.
class HelpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpDialog)

public:
    explicit HelpDialog(QWidget *parent = nullptr);

private:
    QTextBrowser *m_browser;
};
