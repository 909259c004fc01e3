#pragma once

#include <QString>
#include <QStringList>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tideline {

// The rows of a table as the file wrote them, kept behind the flows they became so the
// inspector can show a flow's whole record and its label. Rows are split into fields only
// when asked: a table of a million flows keeps one string, not a million lists.
class RowRecords
{
public:
    RowRecords() = default;
    // `label`: the index in `names` of the ground-truth column, or -1.
    RowRecords(QStringList names, int label, char delimiter);

    // Appends a row's text (its line break is dropped).
    void add(std::string_view row);
    std::size_t size() const { return m_ends.size(); }

    const QStringList &names() const { return m_names; }
    bool hasLabel() const { return m_label >= 0; }
    // The fields of row `i`, as many as names() (missing ones empty).
    QStringList fields(std::size_t i) const;
    QString label(std::size_t i) const;

private:
    QStringList m_names;
    int m_label = -1;
    char m_delimiter = ',';
    std::string m_text;
    std::vector<std::size_t> m_ends; // of each row in m_text
};

} // namespace tideline
