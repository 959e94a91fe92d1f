#include "app/terminal/transcript.h"

#include "protocol/commands.h"

void Transcript::addSent(const QByteArray &bytes)
{
    m_pendingSent += bytes;
    qsizetype lf;
    while ((lf = m_pendingSent.indexOf('\n')) >= 0) {
        m_entries.append({Kind::Sent, m_pendingSent.left(lf + 1)});
        m_size += lf + 1;
        m_pendingSent.remove(0, lf + 1);
    }
}

void Transcript::addReceived(const QByteArray &bytes)
{
    if (!m_entries.isEmpty() && m_entries.last().kind == Kind::Received
        && m_entries.last().bytes.size() < (1 << 20))
        m_entries.last().bytes += bytes;
    else
        m_entries.append({Kind::Received, bytes});
    m_size += bytes.size();
    trim();
}

void Transcript::addNote(const QString &text)
{
    m_entries.append({Kind::Note, text.toUtf8()});
}

void Transcript::trim()
{
    while (m_size > maxBytes && m_entries.size() > 1) {
        m_size -= m_entries.first().bytes.size();
        m_dropped += m_entries.first().bytes.size();
        m_entries.removeFirst();
    }
}

QString Transcript::toText(bool hidePassword) const
{
    QString out;
    if (m_dropped > 0)
        out += QStringLiteral("[... %1 older bytes not kept ...]\n").arg(m_dropped);
    bool saslResponseNext = false;
    for (const Entry &e : m_entries) {
        QByteArray bytes = e.bytes;
        if (e.kind == Kind::Note) {
            if (!out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
                out += QLatin1Char('\n');
            out += QLatin1Char('[') + QString::fromUtf8(bytes) + QStringLiteral("]\n");
            continue;
        }
        if (e.kind == Kind::Received && saslResponseNext
            && (bytes.contains("+OK") || bytes.contains("-ERR")))
            saslResponseNext = false; // the SASL exchange is over
        if (e.kind == Kind::Sent && hidePassword) {
            // The command table says which arguments are secret (protocol/commands.h), as the
            // diagram's "hide secrets" does.
            const pop3::CommandLine parsed = pop3::parseCommandLine(bytes);
            const bool response = saslResponseNext;
            if (!response && parsed.spec && parsed.spec->secret && !pop3::carriesSecret(bytes)
                && !parsed.args.isEmpty())
                saslResponseNext = true; // AUTH PLAIN alone: the credential comes next
            bytes = pop3::maskSecret(bytes, response);
        }
        bytes.replace("\r\n", "\n");
        out += QString::fromUtf8(bytes);
    }
    return out;
}
