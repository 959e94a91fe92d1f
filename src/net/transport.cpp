#include "net/transport.h"

#include <QSslSocket>

namespace pop3 {

TransportKind transportOf(const QTcpSocket *socket)
{
    const auto *tls = qobject_cast<const QSslSocket *>(socket);
    if (tls && (tls->mode() != QSslSocket::UnencryptedMode || tls->isEncrypted()))
        return TransportKind::Tls;
    return TransportKind::Plain;
}

} // namespace pop3
