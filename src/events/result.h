#pragma once

#include <QString>

namespace pop3 {

// The outcome of an operation that can fail on I/O: ok, or a sentence saying why not.
struct Result
{
    bool ok = true;
    QString error;

    static Result success() { return {}; }

    static Result failure(const QString &why) { return {false, why}; }

    explicit operator bool() const { return ok; }
};

} // namespace pop3
