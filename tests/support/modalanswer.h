#pragma once

// For the window's tests: answering the question a modal message box asks.

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>

// Answers the next modal question with `button` once it shows; `asked` turns true then.
inline void answerNextQuestion(QMessageBox::StandardButton button, bool *asked)
{
    QTimer::singleShot(0, [button, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return answerNextQuestion(button, asked);
        *asked = true;
        box->button(button)->click();
    });
}
