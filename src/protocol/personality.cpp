#include "protocol/personality.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

static void initPersonalityResources()
{
    Q_INIT_RESOURCE(personalities);
}

namespace pop3 {

namespace {

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

std::optional<Personality> loadFile(const QString &path, int depth, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read personality %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("personality %1 is not valid JSON: %2")
                         .arg(path, parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    Personality p;
    const QString parent = o.value(QStringLiteral("inherits")).toString();
    if (!parent.isEmpty()) {
        if (depth > 8) {
            if (error)
                *error = QStringLiteral("personality %1 inherits in a loop").arg(path);
            return std::nullopt;
        }
        const QString parentPath = QFileInfo::exists(parent)
            ? parent
            : QStringLiteral(":/personalities/%1.json").arg(parent);
        std::optional<Personality> base = loadFile(parentPath, depth + 1, error);
        if (!base)
            return std::nullopt;
        p = *base;
    } else {
        p.capabilities = {QStringLiteral("CAPA"),
            QStringLiteral("TOP"),
            QStringLiteral("UIDL"),
            QStringLiteral("STLS"),
            QStringLiteral("USER"),
            QStringLiteral("RESP-CODES"),
            QStringLiteral("PIPELINING"),
            QStringLiteral("AUTH-RESP-CODE"),
            QStringLiteral("SASL"),
            QStringLiteral("IMPLEMENTATION")};
    }
    p.id = o.value(QStringLiteral("id")).toString(QFileInfo(path).completeBaseName());
    p.name = o.value(QStringLiteral("name")).toString(p.id);
    p.description = o.value(QStringLiteral("description")).toString();
    auto flag = [&o](const char *key, bool &target) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isBool())
            target = v.toBool();
    };
    flag("capa", p.capa);
    flag("apop", p.apop);
    flag("stls", p.stls);
    flag("disablePlaintextAuth", p.disablePlaintextAuth);
    flag("localIsSecure", p.localIsSecure);
    flag("revealUnknownUsers", p.revealUnknownUsers);
    flag("inUseCloses", p.inUseCloses);
    flag("singleSpaceArguments", p.singleSpaceArguments);
    if (o.contains(QStringLiteral("sasl")))
        p.saslMechanisms = toStringList(o.value(QStringLiteral("sasl")));
    if (o.contains(QStringLiteral("capabilities")))
        p.capabilities = toStringList(o.value(QStringLiteral("capabilities")));
    if (o.contains(QStringLiteral("implementation")))
        p.implementation = o.value(QStringLiteral("implementation")).toString();
    p.badCommandLimitAuth =
        o.value(QStringLiteral("badCommandLimitAuth")).toInt(p.badCommandLimitAuth);
    p.badCommandLimitTransaction =
        o.value(QStringLiteral("badCommandLimitTransaction")).toInt(p.badCommandLimitTransaction);
    auto number = [&o](const char *key, int &target) {
        target = o.value(QLatin1String(key)).toInt(target);
        target = std::max(target, 0);
    };
    number("loginFailureDelayMs", p.loginFailureDelayMs);
    number("loginFailureLimit", p.loginFailureLimit);
    number("inUseDelayMs", p.inUseDelayMs);
    const QJsonObject texts = o.value(QStringLiteral("texts")).toObject();
    for (auto it = texts.begin(); it != texts.end(); ++it)
        p.texts.insert(it.key(), it.value().toString());
    return p;
}

} // namespace

QString Personality::text(const QString &key, const Args &args) const
{
    const QString pattern = texts.value(key);
    if (args.isEmpty() || !pattern.contains(QLatin1Char('{')))
        return pattern;
    QString result;
    result.reserve(pattern.size() + 32);
    qsizetype from = 0;
    for (;;) {
        const qsizetype open = pattern.indexOf(QLatin1Char('{'), from);
        const qsizetype close = open < 0 ? -1 : pattern.indexOf(QLatin1Char('}'), open + 1);
        if (close < 0)
            break;
        result += QStringView(pattern).mid(from, open - from);
        const QStringView name = QStringView(pattern).mid(open + 1, close - open - 1);
        const auto arg = std::find_if(args.cbegin(), args.cend(), [name](const auto &a) {
            return a.first == name;
        });
        if (arg == args.cend()) {
            result += QLatin1Char('{'); // not a placeholder of this reply: kept as written
            from = open + 1;
        } else {
            result += arg->second;
            from = close + 1;
        }
    }
    result += QStringView(pattern).mid(from);
    return result;
}

QStringList Personality::knownMechanisms()
{
    return {QStringLiteral("PLAIN"),
        QStringLiteral("LOGIN"),
        QStringLiteral("CRAM-MD5"),
        QStringLiteral("SCRAM-SHA-256")};
}

bool Personality::isPlaintextMechanism(const QString &mechanism)
{
    return mechanism == QLatin1String("PLAIN") || mechanism == QLatin1String("LOGIN");
}

QStringList Personality::advertisedMechanisms(bool plaintextAllowed) const
{
    QStringList mechanisms;
    for (const QString &m : saslMechanisms) {
        if (plaintextAllowed || !isPlaintextMechanism(m))
            mechanisms.append(m);
    }
    return mechanisms;
}

QStringList Personality::capaLines(bool tlsAvailable, bool plaintextAllowed) const
{
    QStringList lines;
    for (const QString &cap : capabilities) {
        if (cap == QLatin1String("STLS")) {
            if (tlsAvailable && stls)
                lines.append(cap);
        } else if (cap == QLatin1String("USER")) {
            if (plaintextAllowed)
                lines.append(cap);
        } else if (cap == QLatin1String("SASL")) {
            const QStringList mechanisms = advertisedMechanisms(plaintextAllowed);
            if (!mechanisms.isEmpty())
                lines.append(QStringLiteral("SASL ") + mechanisms.join(QLatin1Char(' ')));
        } else if (cap == QLatin1String("IMPLEMENTATION")) {
            if (!implementation.isEmpty())
                lines.append(QStringLiteral("IMPLEMENTATION ") + implementation);
        } else {
            lines.append(cap);
        }
    }
    if (stls && tlsAvailable && !lines.contains(QLatin1String("STLS")))
        lines.append(QStringLiteral("STLS"));
    return lines;
}

bool Personality::offers(Command command) const
{
    switch (command) {
    case Command::Capa:
        return capa;
    case Command::Auth:
        return !saslMechanisms.isEmpty();
    case Command::Top:
        return top;
    case Command::Uidl:
        return uidl;
    default:
        return true;
    }
}

QStringList Personality::builtinIds()
{
    return {QStringLiteral("dovecot"), QStringLiteral("uw-ipop3d"), QStringLiteral("rfc1939")};
}

std::optional<Personality> Personality::load(const QString &idOrPath, QString *error)
{
    initPersonalityResources();
    const QString path = builtinIds().contains(idOrPath) || idOrPath == QLatin1String("base")
        ? QStringLiteral(":/personalities/%1.json").arg(idOrPath)
        : idOrPath;
    if (path == idOrPath && !QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("unknown personality '%1' (built in: %2, or a .json file)")
                         .arg(idOrPath, builtinIds().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return loadFile(path, 0, error);
}

} // namespace pop3
