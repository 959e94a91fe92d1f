#pragma once

#include "protocol/commands.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace pop3 {

// What a server says, as data: the wording of every reply and the extensions it advertises.
// The behaviour is the same for every personality (Pop3Session); only the words differ. The
// built-in ones live in resources/personalities/*.json; a teacher can write another and load it
// with --personality FILE.json. A personality names another it "inherits" texts from.
class Personality final
{
public:
    // {placeholder} -> value. A list, not a hash: a reply is worded thousands of times a second
    // and a QHash costs a 2 KB allocation for its first entry.
    using Args = QList<std::pair<QString, QString>>;

    QString id;
    QString name;
    QString description;
    bool capa = true;
    bool apop = false;
    bool stls = true; // offers STLS when the server has a certificate (RFC 2595)
    // Plain-text logins (USER/PASS, SASL PLAIN and LOGIN) refused until TLS, as Dovecot's
    // disable_plaintext_auth (its default: yes); a client on this machine counts as secure when
    // localIsSecure (Dovecot's default too, so the lab on 127.0.0.1 is unchanged).
    bool disablePlaintextAuth = false;
    bool localIsSecure = true;
    bool revealUnknownUsers = false;
    QStringList saslMechanisms;
    QStringList capabilities; // CAPA tokens; "SASL" and "IMPLEMENTATION" are expanded
    // The optional commands of RFC 1939 §7 the server has at all (a server without TOP answers
    // it as an unknown command, whatever CAPA would say): the comparison's toggles.
    bool top = true;
    bool uidl = true;
    QString implementation;
    // How many unknown commands in a row each get their own -ERR; the next line, whatever it is,
    // gets the last -ERR and the close (Dovecot: 3 before login, 21 after); 0: never. Only
    // unknown commands count (as Dovecot counts): a failed login, a bad argument, a control byte
    // do not.
    int badCommandLimitAuth = 10;
    int badCommandLimitTransaction = 20;
    // A failed login is answered after this delay (growing with the failures of the connection
    // and of its source address; the connection is not blocked meanwhile, other clients not at
    // all), and the connection is closed after loginFailureLimit failures (0: never).
    int loginFailureDelayMs = 1000;
    int loginFailureLimit = 3;
    // [IN-USE]: Dovecot waits about 10 s for the lock, answers, then closes.
    int inUseDelayMs = 0;
    bool inUseCloses = false;
    // Arguments are split on single spaces, as Dovecot does: `retr 1 ` has noise after the
    // number, `user  student` names " student". Otherwise runs of spaces separate arguments.
    bool singleSpaceArguments = false;
    QHash<QString, QString> texts;

    // The reply text for key with {placeholders} filled in (no "+OK "/"-ERR " prefix), in one pass:
    // a value that looks like a placeholder is never expanded; an unknown one stays as written.
    QString text(const QString &key, const Args &args = {}) const;
    // The lines a CAPA reply lists, in order.
    // The CAPA lines (RFC 2449). STLS is advertised only when the connection can really start
    // TLS (RFC 2595 §4): a flag alone must never promise what the transport refuses.
    // plaintextAllowed false: USER is not listed, nor PLAIN and LOGIN on the SASL line (Dovecot).
    QStringList capaLines(bool tlsAvailable = false, bool plaintextAllowed = true) const;
    // The SASL mechanisms offered now (CAPA's SASL line, a bare AUTH's list).
    QStringList advertisedMechanisms(bool plaintextAllowed = true) const;
    // PLAIN and LOGIN carry the password itself (base64 is no encryption).
    static bool isPlaintextMechanism(const QString &mechanism);
    // The mechanisms pop3lab implements, in the order CAPA lists them.
    static QStringList knownMechanisms();
    // Whether this server knows the command at all (rfc1939 has no CAPA and no AUTH): a command
    // it does not offer is answered as unknown, in every state.
    bool offers(Command command) const;

    // Ids of the built-in personalities, default first.
    static QStringList builtinIds();

    static QString defaultId() { return QStringLiteral("dovecot"); }

    // Loads a built-in personality by id, or a JSON file by path.
    static std::optional<Personality> load(const QString &idOrPath, QString *error = nullptr);
};

} // namespace pop3
