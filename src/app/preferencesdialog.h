#pragma once

#include "app/terminal/connectionsettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PreferencesDialog;
}

// Font size, default line ending, the built-in server's personality and idle timeout.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    struct Values
    {
        int fontPointSize = 13;
        ConnectionSettings::LineEnding lineEnding = ConnectionSettings::LineEnding::CrLf;
        QString personality;
        int idleTimeoutSecs = 600;
    };

    explicit PreferencesDialog(const Values &values, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    Values values() const;

private:
    std::unique_ptr<Ui::PreferencesDialog> m_ui;
};
