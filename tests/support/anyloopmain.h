#pragma once

// QTEST_GUILESS_MAIN, with a choice of event loop: with POP3LAB_EVENT_LOOP=epoll in the
// environment the main thread runs on EpollDispatcher, the loop pop3lab-server serves from.
// CTest runs such a test twice (tests/CMakeLists.txt, the *_epoll tests): every case of the
// suite on Qt's loop and on epoll.

#include "net/epolldispatcher.h"

#include <QCoreApplication>
#include <QTest>

namespace pop3test {

inline void installEventLoopFromEnvironment()
{
    if (qgetenv("POP3LAB_EVENT_LOOP") != "epoll")
        return;
    auto *dispatcher = new pop3::EpollDispatcher;
    if (!dispatcher->isValid())
        qFatal("POP3LAB_EVENT_LOOP=epoll, but this kernel refuses epoll or eventfd");
    QCoreApplication::setEventDispatcher(dispatcher);
}

} // namespace pop3test

#define POP3LAB_GUILESS_MAIN_ANY_LOOP(TestObject)                                                  \
    QTEST_MAIN_WRAPPER(TestObject, pop3test::installEventLoopFromEnvironment();                    \
                       QTEST_QAPP_SETUP(QCoreApplication))
