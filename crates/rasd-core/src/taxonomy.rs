//! The closed vocabularies of ACLED and PLOVER (DESIGN.md §5), spelled
//! exactly as the codebooks spell them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Error for a label that is not in a closed vocabulary.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown {kind}: {value:?}")]
pub struct UnknownLabel {
    pub kind: &'static str,
    pub value: String,
}

macro_rules! labels {
    ($(#[$m:meta])* $name:ident, $kind:literal { $($var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
        impl FromStr for $name {
            type Err = UnknownLabel;
            fn from_str(s: &str) -> Result<Self, UnknownLabel> {
                match s { $($s => Ok($name::$var),)+ _ => Err(UnknownLabel { kind: $kind, value: s.to_string() }) }
            }
        }
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.as_str()) }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

labels!(
    /// ACLED event type.
    EventType, "event type" {
    Battles = "Battles",
    Explosions = "Explosions/Remote violence",
    ViolenceAgainstCivilians = "Violence against civilians",
    Protests = "Protests",
    Riots = "Riots",
    StrategicDevelopments = "Strategic developments",
});

labels!(
    /// ACLED sub-event type; [`SubEventType::event_type`] gives its parent.
    SubEventType, "sub-event type" {
    ArmedClash = "Armed clash",
    GovernmentRegainsTerritory = "Government regains territory",
    NonStateActorOvertakesTerritory = "Non-state actor overtakes territory",
    ChemicalWeapon = "Chemical weapon",
    AirDroneStrike = "Air/drone strike",
    SuicideBomb = "Suicide bomb",
    Shelling = "Shelling/artillery/missile attack",
    RemoteExplosive = "Remote explosive/landmine/IED",
    Grenade = "Grenade",
    SexualViolence = "Sexual violence",
    Attack = "Attack",
    Abduction = "Abduction/forced disappearance",
    PeacefulProtest = "Peaceful protest",
    ProtestWithIntervention = "Protest with intervention",
    ExcessiveForce = "Excessive force against protesters",
    ViolentDemonstration = "Violent demonstration",
    MobViolence = "Mob violence",
    Agreement = "Agreement",
    Arrests = "Arrests",
    ChangeToGroup = "Change to group/activity",
    DisruptedWeaponsUse = "Disrupted weapons use",
    HeadquartersEstablished = "Headquarters or base established",
    Looting = "Looting/property destruction",
    NonViolentTransfer = "Non-violent transfer of territory",
    Other = "Other",
});

impl SubEventType {
    pub const fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => EventType::Battles,
            ChemicalWeapon | AirDroneStrike | SuicideBomb | Shelling | RemoteExplosive | Grenade => {
                EventType::Explosions
            }
            SexualViolence | Attack | Abduction => EventType::ViolenceAgainstCivilians,
            PeacefulProtest | ProtestWithIntervention | ExcessiveForce => EventType::Protests,
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroup
            | DisruptedWeaponsUse
            | HeadquartersEstablished
            | Looting
            | NonViolentTransfer
            | Other => EventType::StrategicDevelopments,
        }
    }

    /// Battles, explosions, violence against civilians and riots.
    pub const fn is_violent(self) -> bool {
        matches!(
            self.event_type(),
            EventType::Battles | EventType::Explosions | EventType::ViolenceAgainstCivilians | EventType::Riots
        )
    }
}

labels!(
    /// PLOVER event category.
    PloverEvent, "PLOVER event" {
    Agree = "AGREE", Consult = "CONSULT", Support = "SUPPORT", Concede = "CONCEDE",
    Cooperate = "COOPERATE", Aid = "AID", Retreat = "RETREAT", Request = "REQUEST",
    Accuse = "ACCUSE", Reject = "REJECT", Threaten = "THREATEN", Protest = "PROTEST",
    Sanction = "SANCTION", Mobilize = "MOBILIZE", Coerce = "COERCE", Assault = "ASSAULT",
});

labels!(
    /// PLOVER mode (ASSAULT and PROTEST modes; lower case as in the manual).
    PloverMode, "PLOVER mode" {
    Beat = "beat", Torture = "torture", Sexual = "sexual", Abduct = "abduct",
    Targeted = "targeted", Destroy = "destroy", Primitive = "primitive", Firearms = "firearms",
    Explosives = "explosives", SuicideAttack = "suicide-attack", Aerial = "aerial", Drone = "drone",
    HeavyWeapons = "heavy-weapons",
    Demo = "demo", Riot = "riot", Strike = "strike", Hunger = "hunger", Boycott = "boycott",
    Obstruct = "obstruct",
});

labels!(
    /// How a death toll is stated.
    Qualifier, "qualifier" {
    Exact = "exact", AtLeast = "at_least", About = "about", UpTo = "up_to", Range = "range", Vague = "vague",
});

labels!(
    /// One happening, or a running total over several.
    Scope, "scope" {
    Event = "event", Cumulative = "cumulative",
});

/// ACLED `time_precision`: 1 day, 2 week, 3 month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimePrecision {
    Day = 1,
    Week = 2,
    Month = 3,
}

/// ACLED `geo_precision`: 1 the town, 2 near a place / part of a region, 3 a region only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GeoPrecision {
    Town = 1,
    Near = 2,
    Region = 3,
}

macro_rules! int_enum_serde {
    ($t:ident { $($v:ident = $n:literal),+ }) => {
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_u8(*self as u8) }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                match u8::deserialize(d)? {
                    $($n => Ok($t::$v),)+
                    n => Err(serde::de::Error::custom(format!("invalid {}: {n}", stringify!($t)))),
                }
            }
        }
    };
}
int_enum_serde!(TimePrecision { Day = 1, Week = 2, Month = 3 });
int_enum_serde!(GeoPrecision { Town = 1, Near = 2, Region = 3 });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_reject_misspellings() {
        for s in SubEventType::ALL {
            assert_eq!(s.as_str().parse::<SubEventType>().unwrap(), *s);
        }
        assert!("Air strike".parse::<SubEventType>().is_err());
        assert_eq!(SubEventType::AirDroneStrike.event_type().as_str(), "Explosions/Remote violence");
        assert_eq!(serde_json::to_string(&GeoPrecision::Near).unwrap(), "2");
        assert!(serde_json::from_str::<TimePrecision>("4").is_err());
    }
}
