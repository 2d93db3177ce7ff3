//! Test support for sync: a deterministic PRNG, people drawn like the
//! emulator's (tests/emulator/people.mjs: accented, CJK and Cyrillic names,
//! slugs raw or folded, member-id-only profiles), normalized items built
//! from them, and a fake network serving all three lists in each
//! provider's wire format with a ledger.
#![allow(dead_code)]

pub mod network;
pub mod network_unipile;

use linkedin_network::model::{Connection, Direction, Invitation, Person};
use linkedin_network::normalize::profile_url::canonical_profile_url;

/// SplitMix64: tiny, deterministic, good enough to draw test cases.
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn chars(&mut self, alphabet: &str, count: usize) -> String {
        let letters: Vec<char> = alphabet.chars().collect();
        (0..count).map(|_| *self.pick(&letters)).collect()
    }
}

const FIRST_NAMES: [&str; 46] = [
    "Michelle",
    "John",
    "Jane",
    "Bob",
    "Yash",
    "Amélie",
    "José",
    "François",
    "Zoë",
    "Björn",
    "Søren",
    "Łukasz",
    "Chloé",
    "Renée",
    "Jürgen",
    "İlkay",
    "Ana",
    "Mateus",
    "Priya",
    "Aarav",
    "Fatima",
    "Mohammed",
    "Olga",
    "Дмитрий",
    "Анна",
    "Noa",
    "Sofía",
    "Çağla",
    "Małgorzata",
    "Siobhán",
    "Seán",
    "Ahmed",
    "Chen",
    "Yuki",
    "Jean-Luc",
    "Marie-Ève",
    "Hélène",
    "Émile",
    "Grace",
    "Oliver",
    "Ingrid",
    "Mía",
    "Kwame",
    "Ngozi",
    "Thảo",
    "Nikos",
];
const LAST_NAMES: [&str; 31] = [
    "Heppler",
    "Doe",
    "Williams",
    "Jadhav",
    "García Márquez",
    "Müller",
    "Østergaard",
    "Nowak",
    "Dubois",
    "Lefèvre",
    "van der Berg",
    "O'Brien",
    "Smith",
    "Kowalczyk",
    "Núñez",
    "Öztürk",
    "Иванова",
    "Silva",
    "Sharma",
    "Nakamura",
    "da Costa",
    "Ng",
    "Ó Súilleabháin",
    "Le Gall",
    "Björklund",
    "Nguyễn",
    "Papadopoulos",
    "Mensah",
    "Okafor",
    "Schäfer",
    "Lindqvist",
];
const CJK_NAMES: [(&str, &str); 8] = [
    ("芳", "王"),
    ("伟", "李"),
    ("娜", "张"),
    ("花子", "佐藤"),
    ("太郎", "鈴木"),
    ("陽菜", "高橋"),
    ("지민", "김"),
    ("서연", "박"),
];
const ALPHANUMERIC: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const SLUG_ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz0123456789";

/// One person of the fake network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Human {
    pub first: String,
    pub last: Option<String>,
    /// `None`: seen only through a member-id URL.
    pub slug: Option<String>,
    pub member_id: String,
}

impl Human {
    pub fn name(&self) -> String {
        match &self.last {
            Some(last) => format!("{} {last}", self.first),
            None => self.first.clone(),
        }
    }

    /// The URL a provider sends (raw slug, trailing slash).
    pub fn raw_url(&self) -> String {
        format!(
            "https://www.linkedin.com/in/{}/",
            self.slug.as_deref().unwrap_or(&self.member_id)
        )
    }

    pub fn canonical_url(&self) -> String {
        canonical_profile_url(&self.raw_url()).unwrap().url
    }

    /// The person as a parser normalizes what a provider sends: name and URL.
    pub fn person(&self) -> Person {
        let link = canonical_profile_url(&self.raw_url()).unwrap();
        Person {
            name: Some(self.name()),
            first_name: Some(self.first.clone()),
            last_name: self.last.clone(),
            profile_url: Some(link.url),
            public_identifier: link.public_identifier,
            member_id: link.member_id,
            ..Person::default()
        }
    }
}

fn fold(text: &str) -> Option<String> {
    let mut out = String::new();
    for ch in text.chars() {
        let folded = match ch {
            'à'..='å' => 'a',
            'ç' => 'c',
            'è'..='ë' => 'e',
            'ì'..='ï' | 'ı' => 'i',
            'ñ' => 'n',
            'ò'..='ö' | 'ø' => 'o',
            'ù'..='ü' => 'u',
            'ł' => 'l',
            'ğ' => 'g',
            'ả' => 'a',
            'ễ' => 'e',
            c if c.is_ascii() => c,
            _ => return None,
        };
        out.push(folded);
    }
    Some(out)
}

fn base36(mut value: u64) -> String {
    let digits = SLUG_ALPHABET.as_bytes();
    let mut out = Vec::new();
    loop {
        out.push(digits[(value % 36) as usize]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// A person drawn as the emulator draws them; `number` is embedded in the
/// slug and the member id, so no two people share a key.
pub fn human(rng: &mut Rng, number: u64) -> Human {
    let (first, last) = if rng.chance(80) {
        let (first, last) = *rng.pick(&CJK_NAMES);
        (first.to_string(), Some(last.to_string()))
    } else {
        let first = rng.pick(&FIRST_NAMES).to_string();
        let last = (!rng.chance(50)).then(|| rng.pick(&LAST_NAMES).to_string());
        (first, last)
    };
    let member_id = format!(
        "ACoAA{:0>6}{}",
        base36(number).to_uppercase(),
        rng.chars(ALPHANUMERIC, 28)
    );
    let slug = (!rng.chance(40)).then(|| {
        let words: Vec<String> = [Some(first.as_str()), last.as_deref()]
            .into_iter()
            .flatten()
            .map(str::to_lowercase)
            .collect();
        let joined = match rng.below(3) {
            0 => words.join("-"),
            1 => words.join(""),
            _ => words[0].clone(),
        };
        let raw: String = joined
            .replace(' ', "-")
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        let base = match fold(&raw) {
            Some(folded) if rng.chance(500) => folded,
            _ => raw,
        };
        format!("{base}-{}{}", base36(number), rng.chars(SLUG_ALPHABET, 3))
    });
    Human {
        first,
        last,
        slug,
        member_id,
    }
}

/// An invitation id above 2^53, unique by `number`.
pub fn invitation_id(number: u64) -> String {
    (7_331_558_767_219_683_329u64 + number * 1_031).to_string()
}

pub fn connection_of(human: &Human, provider: &'static str) -> Connection {
    Connection {
        person: human.person(),
        connected_at: None,
        provider,
    }
}

pub fn invitation_of(
    id: &str,
    direction: Direction,
    human: &Human,
    provider: &'static str,
) -> Invitation {
    Invitation {
        id: id.to_string(),
        urn: Some(format!("urn:li:invitation:{id}")),
        direction,
        kind: "CONNECTION".into(),
        provider_type: None,
        state: Some("PENDING".into()),
        message: None,
        sent_at: None,
        person: human.person(),
        accept_token: None,
        provider,
    }
}
