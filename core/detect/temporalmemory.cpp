#include "temporalmemory.h"

#include <algorithm>

namespace tideline {

namespace {

// Permanences below this are gone: the synapse is destroyed, its slot reused.
constexpr float kDeadPermanence = 1e-6f;

template <class T> void eraseValue(std::vector<T> &values, T value)
{
    const auto it = std::find(values.begin(), values.end(), value);
    if (it != values.end()) {
        *it = values.back();
        values.pop_back();
    }
}

} // namespace

TemporalMemory::TemporalMemory(int columns, const Parameters &parameters, quint64 seed)
    : m_parameters(parameters)
    , m_columns(std::max(1, columns))
    , m_random(seed)
{
    m_parameters.cellsPerColumn = std::max(1, m_parameters.cellsPerColumn);
    m_parameters.maxSynapsesPerSegment = std::clamp(m_parameters.maxSynapsesPerSegment, 1, 65535);
    m_parameters.maxSegmentsPerCell = std::max(1, m_parameters.maxSegmentsPerCell);
    m_cells = quint32(m_columns) * quint32(m_parameters.cellsPerColumn);
    m_slots = m_parameters.maxSynapsesPerSegment;
    m_cellSegments.resize(m_cells);
    m_cellOutputs.resize(m_cells);
    m_activeStamp.assign(m_cells, 0);
    m_cellGrowStamp.assign(m_cells, 0);
}

qsizetype TemporalMemory::segmentCount() const
{
    return qsizetype(m_segmentCell.size() - m_freeSegments.size());
}

double TemporalMemory::compute(const std::vector<int> &activeColumns, bool learn)
{
    ++m_iteration;
    m_previousActive.swap(m_activeCells);
    m_activeCells.clear();
    m_previousWinners.swap(m_winnerCells);
    m_winnerCells.clear();

    std::size_t active = 0;
    std::size_t matching = 0;
    int predicted = 0;
    if (learn && m_parameters.predictedSegmentDecrement > 0.0f) {
        // Before any growth: segments that matched but whose column stayed inactive.
        std::size_t next = 0;
        for (quint32 s : m_matchingSegments) {
            const int column = columnOf(s);
            while (next < activeColumns.size() && activeColumns[next] < column)
                ++next;
            if (next == activeColumns.size() || activeColumns[next] != column)
                punishSegment(s);
        }
    }
    for (int column : activeColumns) {
        while (active < m_activeSegments.size() && columnOf(m_activeSegments[active]) < column)
            ++active;
        while (matching < m_matchingSegments.size() &&
               columnOf(m_matchingSegments[matching]) < column)
            ++matching;
        if (active < m_activeSegments.size() && columnOf(m_activeSegments[active]) == column) {
            ++predicted;
            activatePredictedColumn(column, active, learn);
        } else {
            burstColumn(column, matching, learn);
        }
    }
    for (quint32 cell : m_activeCells)
        m_activeStamp[cell] = m_iteration;
    computeActivity(learn);
    if (activeColumns.empty())
        return 0.0;
    return 1.0 - double(predicted) / double(activeColumns.size());
}

void TemporalMemory::activatePredictedColumn(int column, std::size_t &segment, bool learn)
{
    quint32 lastCell = kNone;
    while (segment < m_activeSegments.size() && columnOf(m_activeSegments[segment]) == column) {
        const quint32 s = m_activeSegments[segment++];
        const quint32 cell = m_segmentCell[s];
        if (cell != lastCell) {
            m_activeCells.push_back(cell);
            m_winnerCells.push_back(cell);
            lastCell = cell;
        }
        if (learn) {
            adaptSegment(s);
            growSynapses(s, m_parameters.newSynapseCount - int(m_activePotential[s]));
        }
    }
}

void TemporalMemory::burstColumn(int column, std::size_t &matching, bool learn)
{
    const quint32 first = quint32(column) * quint32(m_parameters.cellsPerColumn);
    for (int i = 0; i < m_parameters.cellsPerColumn; ++i)
        m_activeCells.push_back(first + quint32(i));

    quint32 best = kNone;
    int bestCount = -1;
    while (matching < m_matchingSegments.size() &&
           columnOf(m_matchingSegments[matching]) == column) {
        const quint32 s = m_matchingSegments[matching++];
        if (int(m_activePotential[s]) > bestCount) {
            best = s;
            bestCount = int(m_activePotential[s]);
        }
    }
    if (best != kNone) {
        m_winnerCells.push_back(m_segmentCell[best]);
        if (learn) {
            adaptSegment(best);
            growSynapses(best, m_parameters.newSynapseCount - bestCount);
        }
        return;
    }
    // No segment came close: the least used cell learns the transition on a new segment.
    std::size_t fewest = m_cellSegments[first].size();
    int ties = 0;
    for (int i = 0; i < m_parameters.cellsPerColumn; ++i) {
        const std::size_t n = m_cellSegments[first + quint32(i)].size();
        if (n < fewest) {
            fewest = n;
            ties = 1;
        } else if (n == fewest) {
            ++ties;
        }
    }
    int pick = int(m_random.below(quint64(ties)));
    quint32 winner = first;
    for (int i = 0; i < m_parameters.cellsPerColumn; ++i) {
        if (m_cellSegments[first + quint32(i)].size() == fewest && pick-- == 0) {
            winner = first + quint32(i);
            break;
        }
    }
    m_winnerCells.push_back(winner);
    if (learn && !m_previousWinners.empty()) {
        const quint32 s = createSegment(winner);
        growSynapses(s, std::min(m_parameters.newSynapseCount, int(m_previousWinners.size())));
    }
}

void TemporalMemory::adaptSegment(quint32 segment)
{
    const Slot begin = segment * quint32(m_slots);
    const quint64 previous = m_iteration - 1;
    for (Slot slot = begin; slot < begin + quint32(m_slots); ++slot) {
        const quint32 cell = m_presynaptic[slot];
        if (cell == kNone)
            continue;
        float &p = m_permanence[slot];
        if (m_activeStamp[cell] == previous) {
            p = std::min(1.0f, p + m_parameters.increment);
        } else {
            p -= m_parameters.decrement;
            if (p < kDeadPermanence)
                destroySynapse(slot);
        }
    }
    m_segmentLastUsed[segment] = m_iteration;
}

void TemporalMemory::punishSegment(quint32 segment)
{
    const Slot begin = segment * quint32(m_slots);
    const quint64 previous = m_iteration - 1;
    for (Slot slot = begin; slot < begin + quint32(m_slots); ++slot) {
        const quint32 cell = m_presynaptic[slot];
        if (cell == kNone || m_activeStamp[cell] != previous)
            continue;
        m_permanence[slot] -= m_parameters.predictedSegmentDecrement;
        if (m_permanence[slot] < kDeadPermanence)
            destroySynapse(slot);
    }
}

void TemporalMemory::growSynapses(quint32 segment, int count)
{
    if (count <= 0 || m_previousWinners.empty())
        return;
    const Slot begin = segment * quint32(m_slots);
    const Slot end = begin + quint32(m_slots);
    // Cells already on the segment are stamped, so each candidate is one look-up.
    ++m_growStamp;
    for (Slot slot = begin; slot < end; ++slot) {
        if (m_presynaptic[slot] != kNone)
            m_cellGrowStamp[m_presynaptic[slot]] = m_growStamp;
    }
    m_candidates.clear();
    for (quint32 cell : m_previousWinners) {
        if (m_cellGrowStamp[cell] != m_growStamp)
            m_candidates.push_back(cell);
    }
    const int n = std::min(count, int(m_candidates.size()));
    if (n == 0)
        return;
    // A full segment makes room by dropping its weakest synapses.
    while (int(m_segmentSynapses[segment]) + n > m_slots) {
        Slot weakest = kNone;
        for (Slot slot = begin; slot < end; ++slot) {
            if (m_presynaptic[slot] != kNone &&
                (weakest == kNone || m_permanence[slot] < m_permanence[weakest]))
                weakest = slot;
        }
        destroySynapse(weakest);
    }
    Slot slot = begin;
    for (int k = 0; k < n; ++k) {
        const std::size_t pick =
            std::size_t(k) + std::size_t(m_random.below(quint64(m_candidates.size()) - quint64(k)));
        std::swap(m_candidates[std::size_t(k)], m_candidates[pick]);
        while (m_presynaptic[slot] != kNone)
            ++slot;
        const quint32 cell = m_candidates[std::size_t(k)];
        m_presynaptic[slot] = cell;
        m_permanence[slot] = m_parameters.initialPermanence;
        m_cellOutputs[cell].push_back(slot);
        ++m_segmentSynapses[segment];
    }
}

quint32 TemporalMemory::createSegment(quint32 cell)
{
    std::vector<quint32> &segments = m_cellSegments[cell];
    if (int(segments.size()) >= m_parameters.maxSegmentsPerCell) {
        quint32 oldest = segments.front();
        for (quint32 s : segments) {
            if (m_segmentLastUsed[s] < m_segmentLastUsed[oldest] ||
                (m_segmentLastUsed[s] == m_segmentLastUsed[oldest] && s < oldest))
                oldest = s;
        }
        destroySegment(oldest);
    }
    quint32 s;
    if (!m_freeSegments.empty()) {
        s = m_freeSegments.back();
        m_freeSegments.pop_back();
    } else {
        s = quint32(m_segmentCell.size());
        m_segmentCell.push_back(kNone);
        m_segmentSynapses.push_back(0);
        m_segmentLastUsed.push_back(0);
        m_activeConnected.push_back(0);
        m_activePotential.push_back(0);
        m_presynaptic.resize(m_presynaptic.size() + std::size_t(m_slots), kNone);
        m_permanence.resize(m_permanence.size() + std::size_t(m_slots), 0.0f);
    }
    m_segmentCell[s] = cell;
    m_segmentSynapses[s] = 0;
    m_segmentLastUsed[s] = m_iteration;
    m_activeConnected[s] = 0;
    m_activePotential[s] = 0;
    segments.push_back(s);
    return s;
}

void TemporalMemory::destroySegment(quint32 segment)
{
    const Slot begin = segment * quint32(m_slots);
    for (Slot slot = begin; slot < begin + quint32(m_slots); ++slot) {
        if (m_presynaptic[slot] != kNone)
            destroySynapse(slot);
    }
    eraseValue(m_cellSegments[m_segmentCell[segment]], segment);
    m_segmentCell[segment] = kNone;
    m_freeSegments.push_back(segment);
}

void TemporalMemory::destroySynapse(Slot slot)
{
    eraseValue(m_cellOutputs[m_presynaptic[slot]], slot);
    m_presynaptic[slot] = kNone;
    --m_segmentSynapses[slot / quint32(m_slots)];
}

void TemporalMemory::sortByCell(std::vector<quint32> &segments)
{
    // Sorting (cell, segment) pairs as one integer key avoids an indirection per comparison.
    m_sortKeys.clear();
    for (quint32 s : segments)
        m_sortKeys.push_back(quint64(m_segmentCell[s]) << 32 | s);
    std::sort(m_sortKeys.begin(), m_sortKeys.end());
    for (std::size_t i = 0; i < segments.size(); ++i)
        segments[i] = quint32(m_sortKeys[i]);
}

void TemporalMemory::computeActivity(bool learn)
{
    for (quint32 s : m_touched) {
        m_activeConnected[s] = 0;
        m_activePotential[s] = 0;
    }
    m_touched.clear();
    const float connected = m_parameters.connectedPermanence;
    for (quint32 cell : m_activeCells) {
        for (Slot slot : m_cellOutputs[cell]) {
            const quint32 s = slot / quint32(m_slots);
            if (m_activePotential[s] == 0)
                m_touched.push_back(s);
            ++m_activePotential[s];
            if (m_permanence[slot] >= connected)
                ++m_activeConnected[s];
        }
    }
    m_activeSegments.clear();
    m_matchingSegments.clear();
    for (quint32 s : m_touched) {
        if (int(m_activeConnected[s]) >= m_parameters.activationThreshold)
            m_activeSegments.push_back(s);
        if (int(m_activePotential[s]) >= m_parameters.minThreshold)
            m_matchingSegments.push_back(s);
    }
    sortByCell(m_activeSegments);
    sortByCell(m_matchingSegments);
    if (learn) {
        for (quint32 s : m_activeSegments)
            m_segmentLastUsed[s] = m_iteration;
    }
}

} // namespace tideline
