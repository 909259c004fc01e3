#pragma once

#include "common/portablerandom.h"

#include <QtGlobal>
#include <vector>

namespace tideline {

// The temporal memory of Hierarchical Temporal Memory (Hawkins & Ahmad, "Why Neurons Have
// Thousands of Synapses", Frontiers in Neural Circuits 2016; Numenta's BAMI pseudocode), with
// the parameters Numenta ran on NAB. Each column has `cellsPerColumn` cells; each cell has
// distal segments of synapses to other cells. A segment with enough connected synapses to the
// active cells predicts its cell. Active columns activate their predicted cells, or burst (all
// cells) when none was predicted; segments that predicted well are reinforced and grow synapses
// to the previous winner cells, and bursting columns pick a winner cell that learns.
//
// Storage is flat: segments are fixed blocks of `maxSynapsesPerSegment` slots (presynaptic cell,
// permanence), reused through a free list; each cell lists its segments and the synapse slots
// that it feeds, so a step touches only the segments of the active cells.
class TemporalMemory
{
public:
    struct Parameters
    {
        int cellsPerColumn = 32;
        int activationThreshold = 13;
        int minThreshold = 10;
        int newSynapseCount = 20;
        float initialPermanence = 0.21f;
        float connectedPermanence = 0.5f;
        float increment = 0.1f;
        float decrement = 0.1f;
        int maxSegmentsPerCell = 128;
        int maxSynapsesPerSegment = 32;
        // Weakens segments that predicted a column that did not become active (0: off).
        float predictedSegmentDecrement = 0.0f;
    };

    TemporalMemory(int columns, const Parameters &parameters, quint64 seed);

    // One time step on the active columns (ascending). Returns the raw anomaly: the share of
    // active columns that no cell predicted (0 when no column is active).
    double compute(const std::vector<int> &activeColumns, bool learn);

    qsizetype segmentCount() const;

private:
    using Slot = quint32; // segment * maxSynapsesPerSegment + index
    static constexpr quint32 kNone = 0xffffffffu;

    void activatePredictedColumn(int column, std::size_t &segment, bool learn);
    void burstColumn(int column, std::size_t &matching, bool learn);
    void adaptSegment(quint32 segment);
    void punishSegment(quint32 segment);
    void growSynapses(quint32 segment, int count);
    quint32 createSegment(quint32 cell);
    void destroySegment(quint32 segment);
    void destroySynapse(Slot slot);
    void computeActivity(bool learn);
    void sortByCell(std::vector<quint32> &segments);
    int columnOf(quint32 segment) const
    {
        return int(m_segmentCell[segment] / quint32(m_parameters.cellsPerColumn));
    }

    Parameters m_parameters;
    int m_columns;
    quint32 m_cells;
    int m_slots; // per segment
    PortableRandom m_random;
    quint64 m_iteration = 1; // stamps start at 0: no cell was active "before" step 2

    // Segments, indexed by segment id.
    std::vector<quint32> m_segmentCell; // kNone when free
    std::vector<quint16> m_segmentSynapses;
    std::vector<quint64> m_segmentLastUsed;
    std::vector<quint16> m_activeConnected;
    std::vector<quint16> m_activePotential;
    std::vector<quint32> m_freeSegments;
    // Synapse slots, indexed by Slot.
    std::vector<quint32> m_presynaptic; // kNone when empty
    std::vector<float> m_permanence;
    // Per cell.
    std::vector<std::vector<quint32>> m_cellSegments;
    std::vector<std::vector<Slot>> m_cellOutputs; // slots whose presynaptic cell this is
    std::vector<quint64> m_activeStamp;           // 1 + the step the cell was last active

    // The previous step, and this one as it is built.
    std::vector<quint32> m_activeCells;
    std::vector<quint32> m_winnerCells;
    std::vector<quint32> m_previousActive;
    std::vector<quint32> m_previousWinners;
    std::vector<quint32> m_activeSegments;   // ascending by column after computeActivity
    std::vector<quint32> m_matchingSegments; // likewise
    std::vector<quint32> m_touched;
    std::vector<quint32> m_candidates;
    std::vector<quint64> m_cellGrowStamp; // cells on the segment being grown
    quint64 m_growStamp = 0;
    std::vector<quint64> m_sortKeys;
};

} // namespace tideline
