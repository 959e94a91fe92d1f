#include "app/diagrampane.h"

#include <QLabel>
#include <QVBoxLayout>

DiagramPane::DiagramPane(pop3::EventLog *log, QWidget *parent)
    : QWidget(parent)
{
    Q_UNUSED(log);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The sequence diagram appears here."), this));
}

void DiagramPane::highlightEvent(quint64 seq)
{
    Q_UNUSED(seq);
}
