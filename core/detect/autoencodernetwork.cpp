#include "detect/autoencodernetwork.h"

#include "common/portablerandom.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace tideline {

AutoencoderNetwork::AutoencoderNetwork(std::vector<int> widths, float dropout, float activityL2,
                                       bool linearBottleneck)
    : m_widths(std::move(widths))
    , m_dropout(dropout)
    , m_activityL2(activityL2)
    , m_linearBottleneck(linearBottleneck)
{
    Eigen::Index size = 0;
    for (int layer = 0; layer < layerCount(); ++layer) {
        m_offsets.push_back(size);
        size += Eigen::Index(m_widths[layer]) * m_widths[layer + 1] + m_widths[layer + 1];
    }
    m_parameters = Eigen::VectorXf::Zero(size);
    m_gradient = Eigen::VectorXf::Zero(size);

    const auto hiddenBegin = m_widths.begin() + 1;
    const auto hiddenEnd = m_widths.end() - 1;
    m_bottleneck = int(std::min_element(hiddenBegin, hiddenEnd) - hiddenBegin);

    m_activations.resize(layerCount());
    m_dropped.resize(layerCount());
    m_masks.resize(layerCount());
    m_deltas.resize(layerCount());
}

bool AutoencoderNetwork::isRectified(int layer) const
{
    return layer < layerCount() - 1 && !(m_linearBottleneck && layer == m_bottleneck);
}

bool AutoencoderNetwork::hasDropout(int layer) const
{
    return m_dropout > 0.0f && layer < layerCount() - 1 && layer != m_bottleneck;
}

Eigen::Map<const Eigen::MatrixXf> AutoencoderNetwork::weights(int layer) const
{
    return {m_parameters.data() + m_offsets[layer], m_widths[layer], m_widths[layer + 1]};
}

Eigen::Map<const Eigen::RowVectorXf> AutoencoderNetwork::bias(int layer) const
{
    const Eigen::Index at = m_offsets[layer] + Eigen::Index(m_widths[layer]) * m_widths[layer + 1];
    return {m_parameters.data() + at, m_widths[layer + 1]};
}

Eigen::Map<Eigen::MatrixXf> AutoencoderNetwork::weightGradient(int layer)
{
    return {m_gradient.data() + m_offsets[layer], m_widths[layer], m_widths[layer + 1]};
}

Eigen::Map<Eigen::RowVectorXf> AutoencoderNetwork::biasGradient(int layer)
{
    const Eigen::Index at = m_offsets[layer] + Eigen::Index(m_widths[layer]) * m_widths[layer + 1];
    return {m_gradient.data() + at, m_widths[layer + 1]};
}

void AutoencoderNetwork::initialise(PortableRandom &random)
{
    m_parameters.setZero();
    for (int layer = 0; layer < layerCount(); ++layer) {
        const double limit = std::sqrt(6.0 / double(m_widths[layer] + m_widths[layer + 1]));
        float *first = m_parameters.data() + m_offsets[layer];
        float *last = first + Eigen::Index(m_widths[layer]) * m_widths[layer + 1];
        for (float *weight = first; weight != last; ++weight)
            *weight = float(limit * (2.0 * random.uniform() - 1.0));
    }
}

// Four masks per 64-bit draw: a 16-bit resolution of the dropout rate is plenty, and the
// generator would otherwise cost as much as the arithmetic.
void AutoencoderNetwork::fillDropoutMask(Eigen::MatrixXf &mask, PortableRandom &random) const
{
    const auto threshold = std::uint64_t(std::lround(double(m_dropout) * 65536.0));
    const float keep = 1.0f / (1.0f - m_dropout);
    float *data = mask.data();
    const Eigen::Index size = mask.size();
    for (Eigen::Index i = 0; i < size; i += 4) {
        std::uint64_t bits = random.next();
        const Eigen::Index end = std::min<Eigen::Index>(i + 4, size);
        for (Eigen::Index j = i; j < end; ++j, bits >>= 16)
            data[j] = (bits & 0xffff) >= threshold ? keep : 0.0f;
    }
}

double AutoencoderNetwork::trainBatch(const Eigen::Ref<const Eigen::MatrixXf> &batch,
                                      PortableRandom &random)
{
    const Eigen::Index rows = batch.rows();
    const int layers = layerCount();
    const auto input = [&](int layer) -> Eigen::Ref<const Eigen::MatrixXf> {
        if (layer == 0)
            return batch;
        return hasDropout(layer - 1) ? m_dropped[layer - 1] : m_activations[layer - 1];
    };

    double activity = 0.0;
    for (int layer = 0; layer < layers; ++layer) {
        Eigen::MatrixXf &out = m_activations[layer];
        out.noalias() = input(layer) * weights(layer);
        out.rowwise() += bias(layer);
        if (layer == layers - 1) {
            out = (1.0f + (-out.array()).exp()).inverse().matrix();
            break;
        }
        if (isRectified(layer))
            out = out.cwiseMax(0.0f);
        activity += double(out.squaredNorm());
        if (hasDropout(layer)) {
            m_masks[layer].resize(rows, m_widths[layer + 1]);
            fillDropoutMask(m_masks[layer], random);
            m_dropped[layer] = out.cwiseProduct(m_masks[layer]);
        }
    }

    // Loss = mean over all outputs of (y - x)², so dL/dy = 2 (y - x) / (rows · width); the
    // sigmoid's derivative is y (1 - y).
    const Eigen::MatrixXf &output = m_activations[layers - 1];
    Eigen::MatrixXf &delta = m_deltas[layers - 1];
    delta = output - batch;
    const double count = double(rows) * double(m_widths.front());
    const double loss =
        double(delta.squaredNorm()) / count + double(m_activityL2) * activity / double(rows);
    delta.array() *= (float(2.0 / count) * output.array() * (1.0f - output.array()));

    const float activityFactor = float(2.0 * double(m_activityL2) / double(rows));
    for (int layer = layers - 1; layer >= 0; --layer) {
        const Eigen::MatrixXf &upper = m_deltas[layer];
        weightGradient(layer).noalias() = input(layer).transpose() * upper;
        biasGradient(layer) = upper.colwise().sum();
        if (layer == 0)
            break;
        Eigen::MatrixXf &lower = m_deltas[layer - 1];
        lower.noalias() = upper * weights(layer).transpose();
        if (hasDropout(layer - 1))
            lower.array() *= m_masks[layer - 1].array();
        const Eigen::MatrixXf &hidden = m_activations[layer - 1];
        lower += activityFactor * hidden;
        // Through the ReLU: × [h > 0], as × min(h · 2^126, 1), which is exactly 1 for every
        // normal positive float; Eigen's comparisons and select() do not vectorise.
        if (isRectified(layer - 1))
            lower.array() *= (hidden.array() * 0x1p126f).cwiseMin(1.0f);
    }
    return loss;
}

void AutoencoderNetwork::reconstruct(const Eigen::Ref<const Eigen::MatrixXf> &rows,
                                     Eigen::MatrixXf &output, double *activitySquares) const
{
    const int layers = layerCount();
    Eigen::MatrixXf current = rows;
    for (int layer = 0; layer < layers; ++layer) {
        output.noalias() = current * weights(layer);
        output.rowwise() += bias(layer);
        if (layer == layers - 1)
            break;
        current = isRectified(layer) ? output.cwiseMax(0.0f) : output;
        if (activitySquares)
            *activitySquares += double(current.squaredNorm());
    }
    output = (1.0f + (-output.array()).exp()).inverse().matrix();
}

} // namespace tideline
