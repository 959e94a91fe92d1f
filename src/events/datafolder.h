#pragma once

#include <QString>

namespace pop3 {

// The one folder where pop3lab keeps its data on this machine: the workspace (working copies of
// the mailboxes, lock files), the learners' progress and the teacher's own lessons. The window
// and pop3lab-server share it ($XDG_DATA_HOME/pop3lab, ~/.local/share/pop3lab by default), so a
// server started for the class and a window opened beside it serve the same maildrops (two
// processes on one workspace are safe: a login re-reads the maildrop, expunges commit by message
// identity, the lock file keeps a second login out). It does not depend on the application's
// organisation name, which differs between the two (QStandardPaths::AppDataLocation does).
QString dataFolder();

} // namespace pop3
