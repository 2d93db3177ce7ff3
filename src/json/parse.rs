//! A strict RFC 8259 parser into [`Value`]: recursion bounded (hostile
//! nesting is an error, not a stack overflow), strings borrowed unless they
//! hold escapes, numbers validated and kept as text.

use std::borrow::Cow;

use super::Value;

/// Deeper nesting than this is refused; provider envelopes use four levels.
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseProblem {
    /// The text ended inside a value: a truncated body.
    Truncated,
    /// Something that is not JSON at this place.
    Unexpected,
    TooDeep,
}

/// Where parsing failed: 1-based line and column (in bytes) of the offending byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseError {
    pub problem: ParseProblem,
    pub line: usize,
    pub column: usize,
}

pub fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        members: Vec::new(),
        elements: Vec::new(),
    };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.fail(ParseProblem::Unexpected));
    }
    Ok(value)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    /// Scratch stacks: an object's members (an array's elements) collect here
    /// and move into an allocation of exactly their number when it closes, so
    /// the document takes no spare capacity and few reallocations.
    members: Vec<(Cow<'t, str>, Value<'t>)>,
    elements: Vec<Value<'t>>,
}

impl<'t> Parser<'t> {
    fn fail(&self, problem: ParseProblem) -> ParseError {
        let problem = if self.at >= self.bytes.len() && problem == ParseProblem::Unexpected {
            ParseProblem::Truncated
        } else {
            problem
        };
        let before = self.bytes.get(..self.at).unwrap_or(self.bytes);
        let line_start = before
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |newline| newline + 1);
        ParseError {
            problem,
            line: before.iter().filter(|byte| **byte == b'\n').count() + 1,
            column: self.at - line_start + 1,
        }
    }

    // Hot, tiny helpers are inlined: under `opt-level = "z"` each would
    // otherwise be a call per byte.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    #[inline(always)]
    fn eat(&mut self, expected: u8) -> Result<(), ParseError> {
        if self.peek() == Some(expected) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.fail(ParseProblem::Unexpected))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'t>, ParseError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            _ => Err(self.fail(ParseProblem::Unexpected)),
        }
    }

    fn literal(&mut self, word: &str, value: Value<'t>) -> Result<Value<'t>, ParseError> {
        for expected in word.bytes() {
            self.eat(expected)?;
        }
        Ok(value)
    }

    fn object(&mut self, depth: usize) -> Result<Value<'t>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.fail(ParseProblem::TooDeep));
        }
        self.at += 1;
        let mark = self.members.len();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Vec::new()));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.fail(ParseProblem::Unexpected));
            }
            let key = self.string()?;
            self.skip_space();
            self.eat(b':')?;
            let value = self.value(depth)?;
            self.members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(self.members.split_off(mark)));
                }
                _ => return Err(self.fail(ParseProblem::Unexpected)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'t>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.fail(ParseProblem::TooDeep));
        }
        self.at += 1;
        let mark = self.elements.len();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            let element = self.value(depth)?;
            self.elements.push(element);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(self.elements.split_off(mark)));
                }
                _ => return Err(self.fail(ParseProblem::Unexpected)),
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Value<'t>, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.fail(ParseProblem::Unexpected)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
        }
        let text = self
            .text
            .get(start..self.at)
            .ok_or_else(|| self.fail(ParseProblem::Unexpected))?;
        Ok(Value::Number(text))
    }

    #[inline(always)]
    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), ParseError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.fail(ParseProblem::Unexpected));
        }
        self.digits();
        Ok(())
    }

    /// A string, borrowed from the text when it holds no escape.
    fn string(&mut self) -> Result<Cow<'t, str>, ParseError> {
        self.at += 1;
        let start = self.at;
        // Most strings hold no escape: find their end in one pass and borrow them.
        let rest = self.bytes.get(start..).unwrap_or_default();
        let stop = rest
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20);
        self.at = start + stop.unwrap_or(rest.len());
        match self.peek() {
            None => return Err(self.fail(ParseProblem::Truncated)),
            Some(b'"') => {
                let text = self
                    .text
                    .get(start..self.at)
                    .ok_or_else(|| self.fail(ParseProblem::Unexpected))?;
                self.at += 1;
                return Ok(Cow::Borrowed(text));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.fail(ParseProblem::Unexpected)),
        }
        let mut owned = String::from(self.text.get(start..self.at).unwrap_or_default());
        loop {
            match self.peek() {
                None => return Err(self.fail(ParseProblem::Truncated)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut owned)?;
                }
                Some(0..=0x1f) => return Err(self.fail(ParseProblem::Unexpected)),
                Some(_) => {
                    // Copy the run up to the next quote or escape in one go (UTF-8 stays intact).
                    let run_start = self.at;
                    while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20)
                    {
                        self.at += 1;
                    }
                    owned.push_str(self.text.get(run_start..self.at).unwrap_or_default());
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let Some(kind) = self.peek() else {
            return Err(self.fail(ParseProblem::Truncated));
        };
        self.at += 1;
        let decoded = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => {
                self.at -= 1;
                return Err(self.fail(ParseProblem::Unexpected));
            }
        };
        out.push(decoded);
        Ok(())
    }

    /// `\uXXXX`, joining a surrogate pair; a lone surrogate becomes U+FFFD
    /// (a Rust string cannot hold one).
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes.get(self.at..self.at + 2) == Some(b"\\u")
        {
            let resume = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let joined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(joined).unwrap_or('\u{FFFD}'));
            }
            self.at = resume;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|byte| char::from(byte).to_digit(16))
                .ok_or_else(|| self.fail(ParseProblem::Unexpected))?;
            value = value * 16 + digit;
            self.at += 1;
        }
        Ok(value)
    }
}
