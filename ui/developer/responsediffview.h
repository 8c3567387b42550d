// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/responsedata.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace portico::ui {

class LazyTextView;
class WorkerChannel;

// Compares two responses (e.g. model version A and B, or run N and N-1 from history): status,
// time and size side by side, and a unified line diff of the headers and the bodies, JSON
// re-indented first so that formatting differences do not show. Computed on the worker pool.
class ResponseDiffView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseDiffView)

public:
    static constexpr qint64 maxBodyBytes = 8 * 1024 * 1024;

    explicit ResponseDiffView(QWidget *parent = nullptr);
    ~ResponseDiffView() override;

    void compare(const ResponseData &left, const ResponseData &right);
    int addedLines() const { return m_added; }
    int removedLines() const { return m_removed; }
    LazyTextView *diffView() const { return m_diff; }

Q_SIGNALS:
    void compared();

private:
    QLabel *m_left = nullptr;
    QLabel *m_right = nullptr;
    QLabel *m_summary = nullptr;
    LazyTextView *m_diff = nullptr;
    std::shared_ptr<WorkerChannel> m_channel;
    quint64 m_generation = 0;
    int m_added = 0;
    int m_removed = 0;
};

} // namespace portico::ui
