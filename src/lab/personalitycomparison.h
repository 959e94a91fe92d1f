#pragma once

#include "protocol/personality.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace pop3 {

// The same script against two personalities, side by side (issue 13): each run is an in-process
// Pop3Session on a fresh temporary copy of the sample mailboxes (never the lab's workspace), so
// the two transcripts differ only where the servers' words do.
//
//   run(personality, script) ─► Transcript { greeting, one reply per line }
//   compare(left, right)     ─► rows: the client's line, both replies, whether they differ
//   withCapabilities(p, caps) ─► p advertising only what the toggles keep (CAPA, APOP, SASL)
class PersonalityComparison final
{
public:
    struct Transcript
    {
        QString personality; // its id
        QByteArray greeting;
        QList<QByteArray> lines; // what the client sent (no line ending)
        QList<QByteArray> replies; // the whole reply to each line (a body included)
        // The first `sent` lines were sent; those after the server closed were not (their
        // replies are empty): a script's lines after QUIT are shown, never silently dropped.
        qsizetype sent = 0;
    };

    struct Row
    {
        QByteArray client; // empty for the greeting
        QByteArray left; // empty when that side had closed already
        QByteArray right;
        bool differs = false;
        bool leftSent = true; // false: that side had closed, the line was not sent
        bool rightSent = true;
    };

    // What the capability toggles change.
    struct Capabilities
    {
        bool top = true;
        bool uidl = true;
        bool apop = false;
        QStringList sasl; // mechanisms offered (AUTH); empty: no AUTH
    };

    // The lab sheet's session: the USER: typo, login, STAT, LIST, LIST 1, RETR 1, DELE 1, QUIT.
    static QList<QByteArray> labSheetScript();

    // Runs script (one command per entry) against personality; nothing when the sample mailboxes
    // cannot be copied (error says why). Lines after the server closed are kept, as not sent.
    static std::optional<Transcript> run(
        const Personality &personality, const QList<QByteArray> &script, QString *error = nullptr);

    // Step by step: the greeting first (an APOP timestamp, unique to each run, does not count as a
    // difference), then one row per line either side sent.
    static QList<Row> compare(const Transcript &left, const Transcript &right);

    static Capabilities capabilitiesOf(const Personality &personality);
    static Personality withCapabilities(Personality personality, const Capabilities &caps);
};

} // namespace pop3
