#include "protocol/commands.h"

namespace pop3 {

namespace {

constexpr bool A = true; // readable columns below
constexpr bool T = true;
constexpr bool _ = false;

} // namespace

const QList<CommandSpec> &commandTable()
{
    // clang-format off
    static const QList<CommandSpec> table = {
        //  command        keyword  AUTH TRANS min max multi-line                   number secret historic  rfc
        {Command::User, "USER", A, _, 1, 1, MultiLine::Never,           _, _, _, "RFC 1939 §7"},
        {Command::Pass, "PASS", A, _, 1, -1, MultiLine::Never,          _, T, _, "RFC 1939 §7"},
        {Command::Apop, "APOP", A, _, 2, 2, MultiLine::Never,           _, T, _, "RFC 1939 §7"},
        {Command::Auth, "AUTH", A, _, 0, 2, MultiLine::WithoutArgument, _, T, _, "RFC 5034 §4"},
        {Command::Stls, "STLS", A, _, 0, 0, MultiLine::Never,           _, _, _, "RFC 2595 §4"},
        {Command::Capa, "CAPA", A, T, 0, 0, MultiLine::Always,          _, _, _, "RFC 2449 §5"},
        {Command::Quit, "QUIT", A, T, 0, 0, MultiLine::Never,           _, _, _, "RFC 1939 §5, §6"},
        {Command::Stat, "STAT", _, T, 0, 0, MultiLine::Never,           _, _, _, "RFC 1939 §5"},
        {Command::List, "LIST", _, T, 0, 1, MultiLine::WithoutArgument, T, _, _, "RFC 1939 §5"},
        {Command::Retr, "RETR", _, T, 1, 1, MultiLine::Always,          T, _, _, "RFC 1939 §5"},
        {Command::Dele, "DELE", _, T, 1, 1, MultiLine::Never,           T, _, _, "RFC 1939 §5"},
        {Command::Noop, "NOOP", _, T, 0, 0, MultiLine::Never,           _, _, _, "RFC 1939 §5"},
        {Command::Rset, "RSET", _, T, 0, 0, MultiLine::Never,           _, _, _, "RFC 1939 §5"},
        {Command::Top,  "TOP",  _, T, 2, 2, MultiLine::Always,          T, _, _, "RFC 1939 §7"},
        {Command::Uidl, "UIDL", _, T, 0, 1, MultiLine::WithoutArgument, T, _, _, "RFC 1939 §7"},
        // RFC 1460 had LAST; RFC 1725 removed it. Clients of the 1990s still send it.
        {Command::Last, "LAST", _, _, 0, 0, MultiLine::Never,           _, _, T, "RFC 1460 §5 (removed by RFC 1725)"},
    };
    // clang-format on
    return table;
}

const CommandSpec *findCommand(const QByteArray &keyword)
{
    if (keyword.isEmpty() || keyword.size() > 4)
        return nullptr;
    const QByteArray upper = keyword.toUpper();
    for (const CommandSpec &spec : commandTable()) {
        if (upper == spec.keyword)
            return &spec;
    }
    return nullptr;
}

const CommandSpec &commandSpec(Command command)
{
    for (const CommandSpec &spec : commandTable()) {
        if (spec.command == command)
            return spec;
    }
    static const CommandSpec none{Command::None, ""};
    static const CommandSpec unknown{Command::Unknown, ""};
    return command == Command::None ? none : unknown;
}

QString commandKeyword(Command command)
{
    return QString::fromLatin1(commandSpec(command).keyword);
}

QByteArray withoutLineEnding(QByteArray line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

qsizetype secretOffset(const QByteArray &rawLine, bool saslContinuation)
{
    const QByteArray line = withoutLineEnding(rawLine);
    if (saslContinuation)
        return line.trimmed() == "*" || line.isEmpty() ? -1 : 0;
    const qsizetype space = line.indexOf(' ');
    if (space < 0)
        return -1;
    const CommandSpec *spec = findCommand(line.left(space).trimmed());
    if (!spec || !spec->secret)
        return -1;
    // PASS: everything after the keyword (a password may hold spaces); APOP and AUTH: from the
    // second argument (the user name and the mechanism are not secret).
    const int skipArgs = spec->command == Command::Pass ? 0 : 1;
    qsizetype at = space;
    for (int arg = 0; arg <= skipArgs; ++arg) {
        while (at < line.size() && line.at(at) == ' ')
            ++at;
        if (at >= line.size())
            return -1;
        if (arg == skipArgs)
            break;
        while (at < line.size() && line.at(at) != ' ')
            ++at;
    }
    return at;
}

CommandLine parseCommandLine(const QByteArray &rawLine)
{
    CommandLine out;
    const QByteArray line = withoutLineEnding(rawLine);
    const qsizetype space = line.indexOf(' ');
    out.keyword = (space < 0 ? line : line.left(space)).toUpper();
    out.rest = space < 0 ? QByteArray() : line.mid(space + 1);
    for (const QByteArray &a : out.rest.split(' ')) {
        const QByteArray trimmed = a.trimmed();
        if (!trimmed.isEmpty())
            out.args.append(trimmed);
    }
    out.spec = findCommand(out.keyword.trimmed());
    return out;
}

QByteArray maskSecret(const QByteArray &line, bool saslResponse)
{
    const QByteArray content = withoutLineEnding(line);
    const qsizetype start = secretOffset(content, saslResponse);
    if (start < 0)
        return line;
    return content.left(start) + hiddenSecret + line.mid(content.size());
}

bool carriesSecret(const QByteArray &line, bool saslResponse)
{
    return secretOffset(line, saslResponse) >= 0;
}

int CommandLine::number() const
{
    if (args.isEmpty())
        return 0;
    bool ok = false;
    const int n = args.first().toInt(&ok);
    return ok && n > 0 ? n : 0;
}

QString escapeControls(const QString &text, const EscapeOptions &options)
{
    QString in = text;
    if (options.dropLineEnding) {
        while (in.endsWith(QLatin1Char('\n')) || in.endsWith(QLatin1Char('\r')))
            in.chop(1);
    }
    QString out;
    out.reserve(in.size());
    for (const QChar c : in) {
        if (options.maxChars >= 0 && out.size() >= options.maxChars) {
            out += QStringLiteral("...");
            break;
        }
        const char16_t u = c.unicode();
        if (u == '\t' && options.keepTab)
            out += c;
        else if (u == '\t')
            out += QStringLiteral("\\t");
        else if (u == '\r')
            out += QStringLiteral("\\r");
        else if (u == '\n')
            out += QStringLiteral("\\n");
        else if (u == '\\' && options.escapeBackslash)
            out += QStringLiteral("\\\\");
        else if (u < 0x20 || u == 0x7f)
            out += QStringLiteral("\\x") + QString::number(u, 16).rightJustified(2, u'0').toUpper();
        else
            out += c;
    }
    return out;
}

QString escapeControls(const QByteArray &bytes, const EscapeOptions &options)
{
    return escapeControls(QString::fromUtf8(bytes), options);
}

} // namespace pop3
