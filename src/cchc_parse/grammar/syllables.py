"""Vietnamese spelling: the letters only Unicode Vietnamese has and the shape of a syllable (onset and
rhyme), used to score legacy-encoding guesses, OCR text and table cells.
"""

from __future__ import annotations

import re

# (normalize/encodings.py)
# Letters that only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the U+1EA0 block): a line holding one was not typed
# in a legacy 8-bit font (those only produce U+00A1-U+00FF), so legacy conversion leaves it alone.
VI_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)

# A Vietnamese syllable, lower case, tone mark removed: an optional initial consonant, then a rhyme (the
# medial, vowel nucleus and final of the standard orthography). Used to score legacy-encoding guesses.
VI_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])"

VI_RHYMES = (
    "a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây "
    "e eo ec em en eng ep et ê êu êch êm ên êng ênh êp êt i ia iu ich im in inh ip it "
    "iêc iêm iên iêng iêp iêt iêu yêm yên yêng yêt yêu o oi oc om on ong op ot ooc oong "
    "oa oai oao oay oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oe oeo oen oet "
    "ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u ua ui uc um un ung up ut "
    "uân uâng uât uây uê uêch uênh uơ uy uya uych uyn uynh uyp uyt uyu uyên uyêt "
    "uôc uôi uôm uôn uông uôt ư ưa ưi ưu ưc ưm ưn ưng ưt ươc ươi ươm ươn ương ươp ươt ươu y yt ynh"
)

VI_SYLLABLE = re.compile(rf"{VI_ONSET}?(?:{'|'.join(sorted(VI_RHYMES.split(), key=len, reverse=True))})")

# A Vietnamese vowel (any case, any tone): a word without one is an acronym ("CCHC", "HĐND").
VI_VOWEL = re.compile(r"[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
