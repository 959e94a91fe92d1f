// libFuzzer target: the command-line splitter every view shares (parseCommandLine) and the one
// escaping of control bytes (escapeControls), on arbitrary octets.
//
// Checked: the keyword is upper case and holds no space; every argument is non-empty and has no
// space or surrounding whitespace; a known command's row names the keyword; escaping leaves no
// control character but the tab it was told to keep, and honours maxChars.

#include "protocol/commands.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_commandline: broken rule: %s\n", what);
        std::abort();
    }
}

void checkEscaped(const QString &escaped, const pop3::EscapeOptions &options)
{
    for (const QChar c : escaped) {
        const char16_t u = c.unicode();
        check(!((u < 0x20 || u == 0x7f) && !(u == '\t' && options.keepTab)),
            "no control character survives escaping");
    }
    if (options.maxChars >= 0)
        check(escaped.size() <= options.maxChars + 3 + 3, "maxChars is honoured");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const pop3::CommandLine line = pop3::parseCommandLine(raw);
    check(line.keyword == line.keyword.toUpper(), "the keyword is upper case");
    check(!line.keyword.contains(' '), "the keyword holds no space");
    for (const QByteArray &a : line.args) {
        check(!a.isEmpty(), "no empty argument");
        check(!a.contains(' '), "an argument holds no space");
        check(a == a.trimmed(), "an argument has no surrounding whitespace");
    }
    if (line.spec)
        check(qstricmp(line.spec->keyword, line.keyword.trimmed().constData()) == 0,
            "a known command's row names the keyword");
    check(line.number() >= 0, "a message number is never negative");
    const pop3::CommandSpec &spec = pop3::commandSpec(line.command());
    check(spec.command == line.command() || line.command() == pop3::Command::Unknown,
        "commandSpec finds the row of a command");

    const QByteArray bare = pop3::withoutLineEnding(raw);
    check(bare.size() >= raw.size() - 2, "at most CRLF is dropped");

    pop3::EscapeOptions options;
    const uint8_t flags = size > 0 ? data[0] : 0;
    options.keepTab = flags & 1;
    options.escapeBackslash = flags & 2;
    options.dropLineEnding = flags & 4;
    options.maxChars = (flags & 8) ? qsizetype(flags >> 4) : -1;
    checkEscaped(pop3::escapeControls(raw, options), options);
    checkEscaped(pop3::escapeControls(QString::fromLatin1(raw), options), options);
    return 0;
}
