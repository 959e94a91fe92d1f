#pragma once

#include "events/result.h"

#include <QList>
#include <QString>

// Login slips for a class: one card per student to cut out (the server's address and port, the
// user name, the password, the lab's first commands), eight per A4 page, drawn with QPainter on a
// QPdfWriter. Needs a QGuiApplication (pop3lab-server makes one, on the offscreen platform, only
// when --slips is given): fonts belong to Qt GUI.
class LoginSlips final
{
public:
    struct Card
    {
        QString user;
        QString password;
    };

    static constexpr int cardsPerPage = 8; // 2 columns x 4 rows on A4 portrait

    // Writes one card per entry of cards to pdfPath (owner-only: it holds passwords); with an
    // answersPort, each card also says where the lab's answers are handed in.
    static pop3::Result write(const QString &pdfPath,
        const QList<Card> &cards,
        const QString &host,
        quint16 port,
        quint16 answersPort = 0);
};
