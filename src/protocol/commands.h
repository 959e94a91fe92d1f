#pragma once

#include "events/event.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace pop3 {

// Every POP3 command pop3lab knows, in ONE table (commands.cpp): its keyword, the states that
// allow it, the shape of its arguments, whether its +OK reply is multi-line, and the RFC section
// that defines it. The server's dispatch, the client-side tracker, the session fold, the diagram
// and the lessons all read it, so they cannot disagree. Adding a command: one row here, one
// handler in Pop3Session.
enum class Command : quint8 {
    None, // not a command (a SASL continuation line, an empty line)
    Unknown, // a keyword no row names
    User,
    Pass,
    Apop,
    Auth,
    Stls,
    Capa,
    Quit,
    Stat,
    List,
    Retr,
    Dele,
    Noop,
    Rset,
    Top,
    Uidl,
    Last,
};

// When a successful reply carries a body (RFC 1939 §3 "multi-line response").
enum class MultiLine : quint8 {
    Never,
    Always, // RETR, TOP, CAPA
    WithoutArgument, // LIST and UIDL list every message; with a number they answer one line
};

struct CommandSpec
{
    Command command = Command::Unknown;
    const char *keyword = ""; // upper case, as the RFC writes it
    bool authorization = false; // allowed in the AUTHORIZATION state
    bool transaction = false; // allowed in the TRANSACTION state
    int minArgs = 0; // arguments separated by spaces (PASS and AUTH responses are free text)
    int maxArgs = 0; // -1: the rest of the line is one free-text argument
    MultiLine multiLine = MultiLine::Never;
    bool messageNumber = false; // the first argument is a message number (LIST, RETR, DELE, ...)
    bool secret = false; // the argument is a password or a credential: hidden in saved copies
    bool historic = false; // no longer in the standard: recognised, answered as unknown
    const char *rfc = ""; // where it is defined

    bool allowedIn(State state) const
    {
        return (state == State::Authorization && authorization)
            || (state == State::Transaction && transaction);
    }

    // Whether an +OK reply to it, with or without an argument, is followed by a body.
    bool repliesMultiLine(bool hasArgument) const
    {
        return multiLine == MultiLine::Always
            || (multiLine == MultiLine::WithoutArgument && !hasArgument);
    }
};

// The table, in the order the RFCs present the commands.
const QList<CommandSpec> &commandTable();
// The row for a keyword (any case), or nullptr.
const CommandSpec *findCommand(const QByteArray &keyword);
// The row for a command (Unknown and None get an empty row).
const CommandSpec &commandSpec(Command command);
// "USER", "LIST", ... ("" for Unknown and None).
QString commandKeyword(Command command);

// One client line, split as the server splits it: keyword (upper case), the rest of the line
// after the first space, and the space-separated arguments.
struct CommandLine
{
    QByteArray keyword;
    QByteArray rest;
    QList<QByteArray> args;
    const CommandSpec *spec = nullptr; // nullptr: not a known command

    Command command() const { return spec ? spec->command : Command::Unknown; }

    // The first argument as a message number, or 0.
    int number() const;
};

// Splits a raw line (line ending included or not).
CommandLine parseCommandLine(const QByteArray &rawLine);
// Where a credential starts in a client line (the offset in rawLine), or -1 when it holds none:
// PASS's password, APOP's digest, AUTH's initial response; a whole SASL continuation line (when
// the client is answering a "+ " challenge) except the "*" that cancels. Traces, saved copies,
// the diagram and hand-ins hide from there on.
qsizetype secretOffset(const QByteArray &rawLine, bool saslContinuation = false);
// The line without its line ending (CRLF, or a bare LF, or a bare CR).
QByteArray withoutLineEnding(QByteArray line);

// The line with its credential (secretOffset) replaced by hiddenSecret, the line ending kept:
// the terminal's transcript, the diagram and hand-ins hide credentials by this one rule, as
// traces do (Event::withoutSecret).
QByteArray maskSecret(const QByteArray &line, bool saslResponse = false);
// Whether maskSecret() would change the line.
bool carriesSecret(const QByteArray &line, bool saslResponse = false);

// How control bytes are shown to a student: the one spelling used everywhere (terminal, lesson
// coach, diagram, hand-ins). CR, LF and TAB as \r \n \t; every other control byte as \xNN with
// upper-case hex (Backspace is \x08, as the server's error "0x08 (Backspace)" names it).
struct EscapeOptions
{
    bool keepTab = false; // a tab as a tab (the terminal, when not showing every control byte)
    bool escapeBackslash = false; // "\" as "\\" (when the text must be read back unambiguously)
    bool dropLineEnding = false; // without its CRLF / LF
    qsizetype maxChars = -1; // then "..."
};

QString escapeControls(const QString &text, const EscapeOptions &options = {});
// Bytes are decoded as UTF-8 first (Latin-1 bytes that are not UTF-8 show as U+FFFD).
QString escapeControls(const QByteArray &bytes, const EscapeOptions &options = {});

} // namespace pop3
