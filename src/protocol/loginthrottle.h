#pragma once

#include <QHash>
#include <QString>

namespace pop3 {

// Slows password guessing down (RFC 1939 §13 leaves it to the server; Dovecot waits about 2 s):
// each failed login is answered after a delay that doubles with the failures of the connection
// and with the recent failures of its source address, so opening new connections does not reset
// it. The delay is only computed here; the connection waits without blocking anyone (it stops
// reading its own client meanwhile). Pure: the caller passes the time in.
class LoginThrottle final
{
public:
    static constexpr int maxDelayMs = 16000;
    // A source's failures are forgotten after this long without a new one.
    static constexpr qint64 forgetAfterMs = 10 * 60 * 1000;
    // How many sources are remembered (a flood of addresses cannot grow memory for ever).
    static constexpr int maxSources = 4096;

    // Records a failed login from source (an address, without the port) and returns the delay
    // before its reply: baseMs × 2^(n−1), n the larger of the connection's failures so far
    // (connectionFailures, this one included) and the source's recent ones, at most maxDelayMs.
    int failed(const QString &source, int connectionFailures, int baseMs, qint64 nowMs);
    // A successful login from source forgets its failures.
    void succeeded(const QString &source);

    int recentFailures(const QString &source, qint64 nowMs) const;

private:
    struct Record
    {
        int failures = 0;
        qint64 lastMs = 0;
    };

    void forgetOld(qint64 nowMs);

    QHash<QString, Record> m_sources;
};

// The delay for the nth failure (n ≥ 1) with a base delay, capped.
int loginFailureDelay(int baseMs, int failures);

} // namespace pop3
