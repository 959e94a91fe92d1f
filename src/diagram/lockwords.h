#pragma once

#include <QString>

namespace pop3 {

// A lock holder and a stale-lock warning as the window shows them, in its language. The events
// keep the core's English words (MaildropLock::Holder::describe(), Lab::findStaleLocks()), so a
// trace reads the same wherever it is replayed; these re-word them, in live views and replays
// alike. Text of another shape (an older or a foreign trace) is returned as it is.

// "session 3 (127.0.0.1:53412), pid 1234 on host, since 2026-12-02T21:51:04Z"
QString lockHolderWords(const QString &described);

// A maildrop warning's detail: the stale-lock one re-worded, any other as it is.
QString maildropWarningWords(const QString &detail);
// The stale-lock warning's facts alone, for a narrow diagram (presentation mode): the lock file's
// name, that it is stale, who clears it. Empty for any other warning.
QString maildropWarningShortWords(const QString &detail);

// Any event's detail as the explanation under the diagram shows it: each line that is one of the
// core's English sentences (why a connection ended, a lock holder, a stale-lock warning, ...)
// said in the window's language; file names, addresses and text of another shape as they are.
QString eventDetailWords(const QString &detail);

} // namespace pop3
