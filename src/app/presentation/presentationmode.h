#pragma once

#include <QByteArray>
#include <QFont>
#include <QHash>
#include <QObject>
#include <QPalette>
#include <QRect>

class DiagramPane;
class QDockWidget;
class QAction;
class QMainWindow;
class QWidget;
class TerminalPane;

// Presentation mode: one key (F11) turns the window into a layout for a room — full screen, the
// terminal and the diagram side by side, the other docks one key away (Ctrl+1…4) — and one zoom
// scales every pane together: the terminal's font, the diagram's lanes and labels (never smaller
// than the terminal's text), captions, the maildrop and the lessons. The same key restores the
// window exactly as it was (geometry, docks, fonts, the diagram's zoom).
//
//   enter: save geometry + state + fonts ─► full screen, room layout ─► apply(zoom)
//   zoomBy(±1): apply(zoom × 1.15^±1)     leave: fonts back ─► restoreGeometry ─► restoreState
class PresentationMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresentationMode)

public:
    PresentationMode(QMainWindow *window, TerminalPane *terminal, DiagramPane *diagram);
    ~PresentationMode() override; // gives the application its font back if still active

    bool isActive() const { return m_active; }

    void setActive(bool active);

    // The one zoom: 1.0 is the window's own sizes; entering starts at defaultZoom.
    qreal zoom() const { return m_zoom; }

    void setZoom(qreal zoom);
    void zoomBy(int steps); // 0: back to defaultZoom

    // A palette of black on white with strong selection colours, for washed-out projectors.
    void setHighContrast(bool on);

    bool isHighContrast() const { return m_highContrast; }

    QAction *toggleAction() const { return m_toggle; }

    // A replay started or ended: the room's layout again (see layoutRoom). Nothing when inactive.
    void relayout();

    QAction *highContrastAction() const { return m_contrast; }

    // The widest lines of the lab sheet (LIST, RETR and a message's header): the terminal's
    // share in the room layout holds this many columns of its font.
    static constexpr int labColumns = 76;
    // The window's own sizes (the terminal's 13 pt): at 1280×720 a larger start leaves the
    // terminal fewer than 72 columns or the diagram's labels smaller than its text (see
    // docs/presentation.md). Ctrl++ trades columns for size.
    static constexpr qreal defaultZoom = 1.0;
    static constexpr qreal minZoom = 1.0;
    static constexpr qreal maxZoom = 3.0;

signals:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void enter();
    void leave();
    void apply();
    void restoreApplicationFonts();
    void layoutRoom();
    void shareWidth(); // terminal and diagram side by side: the terminal's columns first
    int terminalWidthFor(int columns) const; // the terminal pane's width for so many columns
    void retranslate();
    QList<QWidget *> scaledWidgets() const;
    QList<QWidget *> readingWidgets() const; // as large as the terminal's text, at least
    QDockWidget *replayDock() const;
    QWidget *replayTranscript() const; // the replay's transcript, or null
    bool replaying() const; // a replay is loaded in the replay pane

    QMainWindow *m_window;
    TerminalPane *m_terminal;
    DiagramPane *m_diagram;
    QAction *m_toggle;
    QAction *m_contrast;
    bool m_active = false;
    bool m_highContrast = false;
    qreal m_zoom = defaultZoom;
    // What leaving restores.
    Qt::WindowStates m_windowState;
    QRect m_geometry; // the normal one
    QByteArray m_state;
    int m_terminalPoints = 0;
    qreal m_diagramZoom = 1.0;
    bool m_diagramFits = true;
    int m_sharedLanes = 0; // the diagram's narrowest lanes when the width was last shared
    QHash<QWidget *, QFont> m_fonts; // widgets that had a font of their own
    QPalette m_palette;
    QFont m_appFont; // the application's font before entering (menus, dialogs, banners)
    QHash<QByteArray, QFont> m_classFonts; // the platform's own for menus, tooltips, ...
};
