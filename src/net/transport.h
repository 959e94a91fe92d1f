#pragma once

class QTcpSocket;

namespace pop3 {

// The transport seam: what a connection may do with its socket's descriptor. On a plain TCP
// socket the connection writes with send() while the kernel takes it and hands large bodies to
// the BodyStreamer worker, which writes a duplicate of the descriptor. On a TLS socket
// (QSslSocket once encrypted, or while the handshake runs: STLS, POP3S) the bytes must go through
// QSslSocket, which encrypts them: a direct write would put plaintext on the wire. Asked at every
// write, so a connection that upgrades with STLS stops writing directly from that moment on.
enum class TransportKind {
    Plain,
    Tls,
};

TransportKind transportOf(const QTcpSocket *socket);

inline bool allowsDirectWrites(TransportKind kind)
{
    return kind == TransportKind::Plain;
}

} // namespace pop3
