#include "labeldelegate.h"

#include <QComboBox>
#include <QSettings>

namespace tideline {

namespace {

const QString &recentLabelsKey()
{
    static const QString key = QStringLiteral("recentLabels");
    return key;
}

} // namespace

LabelDelegate::LabelDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QStringList LabelDelegate::recentLabels()
{
    const QStringList stored = QSettings().value(recentLabelsKey()).toStringList();
    if (!stored.isEmpty())
        return stored;
    return {tr("attack"), tr("false positive"), tr("benign"), tr("scan"), tr("flood")};
}

void LabelDelegate::rememberLabel(const QString &label)
{
    const QString text = label.trimmed();
    if (text.isEmpty())
        return;
    QStringList labels = QSettings().value(recentLabelsKey()).toStringList();
    labels.removeAll(text);
    labels.prepend(text);
    while (labels.size() > kMaxRecentLabels)
        labels.removeLast();
    QSettings().setValue(recentLabelsKey(), labels);
}

QWidget *LabelDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                     const QModelIndex &) const
{
    auto *editor = new QComboBox(parent);
    editor->setEditable(true);
    editor->setInsertPolicy(QComboBox::NoInsert);
    editor->addItems(recentLabels());
    return editor;
}

void LabelDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setEditorData(editor, index);
    combo->setEditText(index.data(Qt::EditRole).toString());
}

void LabelDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setModelData(editor, model, index);
    const QString text = combo->currentText().trimmed();
    if (model->setData(index, text, Qt::EditRole))
        rememberLabel(text);
}

} // namespace tideline
