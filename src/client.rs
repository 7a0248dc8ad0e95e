//! A client as the caps count it: its address block, not its address. IPv6
//! clients are grouped by /64, the block one household or host usually has;
//! an IPv4 address mapped into IPv6 counts as the IPv4 address.

use std::net::{IpAddr, Ipv6Addr};

/// The key a client is counted under.
pub fn key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !((1u128 << 64) - 1))),
        },
        v4 => v4,
    }
}
