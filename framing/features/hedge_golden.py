"""Golden tables of hedging: the examples each hedging rule owns, one row per made-up sentence.

Test data, run by ``tests/test_hedging_golden.py``; a change that breaks a row changes what
the rule means, and a new rule adds its rows here and its name in :data:`framing.rules.RULE_NAMES`.
Every sentence is made up for the table; none comes from an evaluation corpus. A row is
``rule | sentence | cue as written | kind`` (:func:`framing.rules.golden_table`):

* context rules (the ``rule`` column of ``lexicons/hedges.tsv``): no kind, a match of a row naming
  the rule that the rule lets through; ``rejected``, one it keeps out;
* vetoes: ``rejected``, the veto takes the cue back; no kind, the cue is shown;
* doubts: ``possible``, the doubt marks the cue possible; no kind, it does not.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..rules import GoldenRow, golden_table

CONTEXT_GOLDEN: Mapping[str, tuple[GoldenRow, ...]] = golden_table("""
    number_follows | About 80 people died in the flood. | About
    number_follows | Around a dozen boats were sunk. | Around
    number_follows | They talked about the plan for hours. | about | rejected
    modal_may | Prices may rise next year. | may
    modal_may | The vote was held on May 5. | May | rejected
    modal_may | Theresa May spoke to the press. | May | rejected
    modal_might | Officials might delay the vote. | might
    modal_might | They fought with all their might. | might | rejected
    modal_could | The talks could collapse next week. | could
    modal_could | He did everything he could to stop it. | could | rejected
    modal_could | The guard was moved so that he could be held. | could | rejected
    modal_would | Such a meeting would mark a historic first. | would
    modal_would | Officials said the strikes would continue. | would | rejected
    modal_would | The envoy would not comment on the talks. | would | rejected
    appear | The plan appears to be failing. | appears
    appear | The senator appeared on CNN last night. | appeared | rejected
    possible | It is possible that the talks fail. | possible
    possible | Please reply as soon as possible. | possible | rejected
    possible | It is possible to see the coast from here. | possible | rejected
    doxastic | Analysts predicted the talks would fail. | predicted
    doxastic | Sales were better than expected this year. | expected | rejected
    of_complement | Critics accused the minister of lying. | accused
    of_complement | The accused left the court. | accused | rejected
    passive_evidential | Ten sailors are feared dead after the storm. | feared
    passive_evidential | They feared the worst after the storm. | feared | rejected
    passive_as | The move is widely seen as a ploy. | seen
    passive_as | The envoy has been seen in Caracas. | seen | rejected
    conditional_if | If the talks fail, the truce will collapse. | If
    conditional_if | Few voters, if any, came to the hall. | if | rejected
    whether_interrogative | Nobody knows whether the truce will hold. | whether
    whether_interrogative | The rule covers all farms, whether large or small, in the state. | whether | rejected
    conditional_consequent | If the talks fail, the truce will collapse. | will
    conditional_consequent | The plant will close in May. | will | rejected
    until_condition | Sanctions will stay until Iraq pays. | until
    until_condition | She was a trustee until 1974. | until | rejected
    that_complement | The idea that prices will fall is widespread. | idea
    that_complement | Meeting early was a good idea. | idea | rejected
    potential | Investors worried about potential fallout from the merger. | potential
    potential | The region has great potential for growth. | potential | rejected
    active_as | Critics regard the plan as a ploy. | regard
    active_as | They regard the matter with care. | regard | rejected
    known_unknown | It is unknown whether the talks will resume. | unknown
    known_unknown | An unknown gunman fired at the crowd. | unknown | rejected
    view_complement | The view that prices will fall is common. | view
    view_complement | The view from the hill is lovely. | view | rejected
    open_question | He wonders whether the target is at risk. | wonders
    open_question | The crowd wondered at the fireworks. | wondered | rejected
    inverted_condition | The truce will end, should the talks fail. | should
    inverted_condition | What should we do about the bridge? | should | rejected
    stated_bound | At least 21 vessels were hit. | At least
    stated_bound | The firm will buy back up to 1 million shares. | up to | rejected
""")

VETO_GOLDEN: Mapping[str, tuple[GoldenRow, ...]] = golden_table("""
    reported_question | A reporter asked him whether he would run again. | whether | rejected
    reported_question | The mayor was asked if the bridge would reopen. | if | rejected
    reported_question | She asked the senator from Ohio whether the bill was dead. | whether | rejected
    reported_question | It is unclear whether he will run again. | whether
    reported_question | He wonders whether the target is at risk. | whether
    reported_question | If the talks fail, the truce will collapse. | If
    disbelief | Residents say they can't believe what they are finding. | believe | rejected
    disbelief | I cannot believe he said that. | believe | rejected
    disbelief | She could not believe the bridge had fallen. | believe | rejected
    disbelief | Many analysts believe that the ceasefire will hold. | believe
    negated_imperative | The mayor quit the race, but don't expect him to fade quietly. | expect | rejected
    negated_imperative | Do not believe the rumors about the merger. | believe | rejected
    negated_imperative | Officials don't expect the talks to resume soon. | expect
    negated_imperative | I don't think the bridge will open. | think
    potential_role | He is a potential GOP nominee for the Senate seat. | potential | rejected
    potential_role | The firm courted potential buyers in Asia. | potential | rejected
    potential_role | She is seen as a potential running mate. | potential | rejected
    potential_role | Potential 2016 candidates met in Iowa. | Potential | rejected
    potential_role | Investors worried about potential fallout from the merger. | potential
    potential_role | The potential Trump-Lee dialogue drew interest. | potential
    opinion_holder | Many observers view it as a strategic effort. | view | rejected
    opinion_holder | Critics regard the plan as a ploy. | regard | rejected
    opinion_holder | The ministry views this designation as justification for strikes. | views | rejected
    opinion_holder | The move is widely seen as a ploy. | seen
    opinion_holder | The envoy was regarded by diplomats as a hardliner. | regarded
    proposal | At noon the spokesman suggested saying that the embassy was notified. | suggested | rejected
    proposal | The mayor suggests waiting until spring. | suggests | rejected
    proposal | The data suggests nothing changed. | suggests
    proposal | The poll suggests that voters are tired. | suggests
    actor_signal | The campaign indicates it will spend more in Ohio. | indicates | rejected
    actor_signal | He indicates he will run again. | indicates | rejected
    actor_signal | Reports indicate at least 21 vessels were hit. | indicate
    actor_signal | The data indicates prices will fall. | indicates
    concessive_as | Absurd as it may sound, the plan worked. | may | rejected
    concessive_as | As strange as it might seem, the town grew. | might | rejected
    concessive_as | The rule, odd though it may appear, still holds. | may | rejected
    concessive_as | Strange as it seems, nobody came. | seems | rejected
    concessive_as | The plan may sound absurd to voters. | may
    concessive_as | Things are not always as they seem. | seem
    concessive_as | As it may rain, we stayed home. | may
    free_relative_ever | The inquiry will go wherever it may lead. | may | rejected
    free_relative_ever | Whatever the cost may be, the city will pay it. | may | rejected
    free_relative_ever | The team will play on, come what may. | may | rejected
    free_relative_ever | However the vote goes, the bill may still fail. | may
    free_relative_ever | The mayor may resign on Friday. | may
""")

DOUBT_GOLDEN: Mapping[str, tuple[GoldenRow, ...]] = golden_table("""
    accusation | Critics accused the minister of lying. | accused | possible
    accusation | The mayor was accused of fraud. | accused of | possible
    accusation | The minister may have lied. | may
    conditional_consequent | If the talks fail, the truce will collapse. | will | possible
    conditional_consequent | Unless they pay, the parcel won't ship. | won't | possible
    conditional_consequent | If the talks fail, the truce will collapse. | If
    concessive_if | The bill passed, even if few expect it to work. | if | possible
    concessive_if | If the bill passes, taxes rise. | If
    supposed_to | The summit was supposed to start on Monday. | supposed | possible
    supposed_to | The supposed cure did nothing. | supposed
    belief_discussed | It would be naive to believe that the deal will hold. | believe | possible
    belief_discussed | There is reason to believe that the deal will hold. | believe
    belief_discussed | Analysts believe that the deal will hold. | believe
    self_description | Many voters consider themselves moderates. | consider | possible
    self_description | Many voters consider the plan a mistake. | consider
""")
