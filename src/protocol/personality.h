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
    bool stls = false;
    bool revealUnknownUsers = false;
    QStringList saslMechanisms;
    QStringList capabilities; // CAPA tokens; "SASL" and "IMPLEMENTATION" are expanded
    QString implementation;
    // The bad command in a row that gets the last -ERR and the close (Dovecot: the 3rd before
    // login, the 21st after); 0: never.
    int badCommandLimitAuth = 10;
    int badCommandLimitTransaction = 20;
    QHash<QString, QString> texts;

    // The reply text for key with {placeholders} filled in (no "+OK "/"-ERR " prefix), in one pass:
    // a value that looks like a placeholder is never expanded; an unknown one stays as written.
    QString text(const QString &key, const Args &args = {}) const;
    // The lines a CAPA reply lists, in order.
    // The CAPA lines (RFC 2449). STLS is advertised only when the connection can really start
    // TLS (RFC 2595 §4): a flag alone must never promise what the transport refuses.
    QStringList capaLines(bool tlsAvailable = false) const;
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
