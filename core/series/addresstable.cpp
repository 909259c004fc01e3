#include "addresstable.h"

namespace tideline {

std::uint32_t AddressTable::intern(const IpAddress &address)
{
    const auto next = std::uint32_t(m_addresses.size());
    bool added = false;
    std::uint32_t id = next;
    if (address.version == 4) {
        const auto inserted = m_ipv4.try_emplace(ipv4Word(address), next);
        added = inserted.second;
        id = inserted.first->second;
    } else {
        const auto inserted = m_ipv6.try_emplace(addressWords(address), next);
        added = inserted.second;
        id = inserted.first->second;
    }
    if (added)
        m_addresses.push_back(address);
    return id;
}

std::vector<IpAddress> AddressTable::takeAddresses()
{
    m_ipv4.clear();
    m_ipv6.clear();
    return std::move(m_addresses);
}

} // namespace tideline
