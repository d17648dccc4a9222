//! Orders: the one order book for every channel, and its state machines.

pub mod status;
