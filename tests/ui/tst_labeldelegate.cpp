#include "anomalymodel.h"
#include "labeldelegate.h"
#include "plantedinvestigation.h"

#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTest>
#include <memory>

using namespace tideline;

class TestLabelDelegate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Keep the user's real settings out of it.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_labeldelegate"));
    }

    void init() { QSettings().remove(QStringLiteral("recentLabels")); }

    void offersDefaultsWhenNothingWasUsed()
    {
        QCOMPARE(LabelDelegate::recentLabels(),
                 (QStringList{QStringLiteral("attack"), QStringLiteral("false positive"),
                              QStringLiteral("benign"), QStringLiteral("scan"),
                              QStringLiteral("flood")}));
    }

    void remembersMostRecentFirstWithoutDuplicates()
    {
        LabelDelegate::rememberLabel(QStringLiteral("scan"));
        LabelDelegate::rememberLabel(QStringLiteral("  exfiltration "));
        LabelDelegate::rememberLabel(QStringLiteral("scan"));
        LabelDelegate::rememberLabel(QString());
        QCOMPARE(LabelDelegate::recentLabels(),
                 (QStringList{QStringLiteral("scan"), QStringLiteral("exfiltration")}));
    }

    void keepsAtMostFifteen()
    {
        for (int i = 0; i < 20; ++i)
            LabelDelegate::rememberLabel(QStringLiteral("label %1").arg(i));
        const QStringList labels = LabelDelegate::recentLabels();
        QCOMPARE(labels.size(), LabelDelegate::kMaxRecentLabels);
        QCOMPARE(labels.first(), QStringLiteral("label 19"));
        QCOMPARE(labels.last(), QStringLiteral("label 5"));
    }

    void editsTheLabelAndRemembersIt()
    {
        AnomalyModel model;
        Investigation investigation;
        plantInvestigation(investigation, {{3, 2, 1.0, 7}}, 10);
        investigation.setLabel(0, QStringLiteral("benign"));
        model.setInvestigation(&investigation);
        const QModelIndex cell = model.index(0, AnomalyModel::Label);

        LabelDelegate delegate;
        QWidget parent;
        std::unique_ptr<QWidget> editor(
            delegate.createEditor(&parent, QStyleOptionViewItem(), cell));
        auto *combo = qobject_cast<QComboBox *>(editor.get());
        QVERIFY(combo);
        QVERIFY(combo->isEditable());
        QCOMPARE(combo->count(), 5);
        delegate.setEditorData(combo, cell);
        QCOMPARE(combo->currentText(), QStringLiteral("benign"));

        combo->setEditText(QStringLiteral("beaconing"));
        delegate.setModelData(combo, &model, cell);
        QCOMPARE(model.anomaly(0).label, QStringLiteral("beaconing"));
        QCOMPARE(LabelDelegate::recentLabels().first(), QStringLiteral("beaconing"));
    }
};

QTEST_MAIN(TestLabelDelegate)
#include "tst_labeldelegate.moc"
