#pragma once

#include <QStyledItemDelegate>

namespace tideline {

// Edits an anomaly's label with an editable combo box that offers the labels used most
// recently (kept in QSettings), so a verdict is one pick rather than retyping.
class LabelDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int kMaxRecentLabels = 15;

    explicit LabelDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

    // Most recent first; a few common verdicts when nothing was used yet.
    static QStringList recentLabels();
    // Moves `label` to the front of the recent labels (ignoring empty ones).
    static void rememberLabel(const QString &label);
};

} // namespace tideline
