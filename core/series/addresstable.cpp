#include "addresstable.h"

namespace tideline {

std::uint32_t AddressTable::intern(const IpAddress &address)
{
    const auto [it, added] = m_ids.try_emplace(std::pair(addressWords(address), address.version),
                                               std::uint32_t(m_addresses.size()));
    if (added)
        m_addresses.push_back(address);
    return it->second;
}

std::vector<IpAddress> AddressTable::takeAddresses()
{
    m_ids.clear();
    return std::move(m_addresses);
}

} // namespace tideline
